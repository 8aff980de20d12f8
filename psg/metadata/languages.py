"""The same page in the site's other languages: the ``hreflang`` alternates,
Open Graph's ``og:locale:alternate`` and the language switch.

A Wagtail page's versions are its live, public translations; a view of the
URL configuration (search, the bulletin archive, the forms) exists in every
language at the same address under each language's prefix. Where a page has
no version in a language, the switch leads to the nearest of its ancestors
that has one (the section), with a note saying so; the alternates name only
exact versions, each of which names the others, and English as ``x-default``
(docs/translation-content.md, "Spanish addresses and the language switch").
A routable page's sub-address (``/news/series/<slug>/``, ``/regions/<slug>/``)
has for versions the same sub-address on the page's translations, where it
shows the same series or term there (psg.core.translated_routes).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from psg.core import routing
from psg.core.addresses import absolute
from psg.core.locales import default_language
from psg.core.sites import site_for
from psg.core.translated_routes import TranslatedRoutesMixin

# Each language's name in itself, as the switch shows it.
AUTONYMS = {"en-gb": "English", "es": "Español"}
# Said in the language switched to, beside the link, when the page has no
# version in it.
NOT_AVAILABLE = {
    "en-gb": _("This page is not available in English."),
    "es": _("This page is not available in Spanish."),
}
WAGTAIL_SERVE = "wagtail_serve"


@dataclass(frozen=True)
class Version:
    """The page (or the nearest section) in ``language`` at ``url``."""

    language: str
    url: str
    exact: bool = True
    query: str = ""

    @property
    def href(self):
        """The link the switch follows: the path (and a view's query)."""
        path = urlsplit(self.url).path
        return f"{path}?{self.query}" if self.query else path

    @property
    def hreflang(self):
        """The BCP 47 tag: ``en-GB``, ``es``."""
        return bcp47(self.language)

    @property
    def og_locale(self):
        return OG_LOCALES.get(self.language, self.language)

    @property
    def name(self):
        return AUTONYMS.get(self.language, self.language)

    @property
    def note(self):
        """What the switch says, in the language switched to, when this is
        not the same page."""
        if self.exact:
            return ""
        with translation.override(self.language):
            return str(NOT_AVAILABLE.get(self.language, ""))


OG_LOCALES = {"en-gb": "en_GB", "es": "es_ES"}


def bcp47(language):
    code, _sep, region = language.partition("-")
    return f"{code}-{region.upper()}" if region else code


def languages():
    return [code for code, _name in settings.LANGUAGES]


def _is_shown(page):
    return page.live and routing.is_public(page)


def _page_url(page, request):
    return page.get_full_url(request)


def below_page(page_url, request):
    """What the address asked for adds to the page's own (``page_url``):
    "" for the page itself (or without a request), the sub-address of a
    routable page (``/series/letter/`` on ``/news/series/letter/``), None
    for an address elsewhere (a preview)."""
    if request is None:
        return ""
    if not page_url:
        return None
    page_path = urlsplit(page_url).path
    if request.path == page_path:
        return ""
    if request.path.startswith(page_path):
        return "/" + request.path[len(page_path) :]
    return None


def _with_subpath(url, subpath):
    return url.rstrip("/") + subpath if subpath else url


def _translated_subpaths(page, below, translations):
    """{page id: sub-address} of the sub-address ``below`` on each of the
    page's ``translations`` that shows the same thing there."""
    if not below or not translations or not isinstance(page, TranslatedRoutesMixin):
        return {}
    return page.translated_subpaths(below, translations)


def _page_versions(page, request):
    """{language: Version} of ``page``: itself and its translations (exact),
    and for a language it lacks, its nearest translated ancestor. On a
    routable page's sub-address, a translation is exact where the same
    sub-address shows the same thing there (psg.core.translated_routes).
    One query (two on a sub-address): the other languages' versions of the
    page and of its ancestors."""
    lineage = [
        page.path[:end] for end in range(page.steplen * 2, len(page.path), page.steplen)
    ]
    others = [
        other
        for other in Page.objects.filter(
            translation_key__in=Page.objects.filter(
                path__in=[*lineage, page.path]
            ).values("translation_key")
        )
        .exclude(locale__language_code=translation.get_language())
        .select_related("locale")
        .order_by("-depth")
        if _is_shown(other)
    ]
    own_url = _page_url(page, request)
    below = below_page(own_url, request)
    subpaths = _translated_subpaths(
        page,
        below,
        [other for other in others if other.translation_key == page.translation_key],
    )
    current = translation.get_language()
    versions = {current: Version(current, _with_subpath(own_url, below))}
    # Deepest first: the page's own translation, else its nearest section's.
    for other in others:
        language = other.locale.language_code
        if language in versions:
            continue
        url = _page_url(other, request)
        same = other.translation_key == page.translation_key
        if same and below == "":
            versions[language] = Version(language, url)
        elif same and other.pk in subpaths:
            versions[language] = Version(
                language, _with_subpath(url, subpaths[other.pk])
            )
        else:
            versions[language] = Version(language, url, exact=False)
    return versions


def _view_versions(request):
    """{language: Version} of a view of the URL configuration: the same
    address under each language's prefix (none for an address served once
    for all languages). The switch keeps the query (a search's words)."""
    site = site_for(request)
    query = request.META.get("QUERY_STRING", "")
    found = {
        language: Version(
            language, absolute(site, translate_url(request.path, language)), True, query
        )
        for language in languages()
    }
    if len({version.url for version in found.values()}) < len(found):
        return {}
    return found


def versions(context):
    """{language: Version} of what the context shows, kept on the request:
    empty for what exists in one language only (an error page)."""
    request = context.get("request")
    kept = getattr(request, "_psg_versions", None)
    if kept is not None:
        return kept
    page = context.get("page")
    match = getattr(request, "resolver_match", None)
    if isinstance(page, Page) and page.pk:
        found = _page_versions(page, request)
    elif match is not None and match.url_name != WAGTAIL_SERVE:
        found = _view_versions(request)
    else:
        found = {}
    if request is not None:
        request._psg_versions = found
    return found


def alternates(context):
    """The exact versions for ``<link rel="alternate" hreflang>``, English
    again as ``x-default``: ``[(hreflang, url)]``; empty when the page has
    no other version."""
    exact = [version for version in versions(context).values() if version.exact]
    if len(exact) < 2:
        return []
    links = [(version.hreflang, version.url) for version in exact]
    default = next(
        (version for version in exact if version.language == default_language()),
        None,
    )
    if default is not None:
        links.append(("x-default", default.url))
    return links


def others(context):
    """The versions in the other languages, for the switch."""
    current = translation.get_language()
    return [
        version
        for language, version in versions(context).items()
        if language != current
    ]
