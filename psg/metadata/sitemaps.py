"""/sitemap.xml: every public page of the site with when it last changed.

The live, public Wagtail pages (and the routes a page type names with
``get_sitemap_urls``), the news series pages, and the sections the URL
configuration adds (the bulletin archive). docs/feeds-and-metadata.md says
what is listed and why.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.utils import timezone

from wagtail.models import Page, get_page_models

from psg.core.models import SectionIndexPage
from psg.core.sites import site_for
from psg.news.models import NewsIndexPage, NewsPage

from . import content, languages


def as_moment(value):
    """Dates and datetimes alike as aware datetimes, so they compare."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


def _content_type_ids(models):
    return {ct.pk for ct in ContentType.objects.get_for_models(*models).values()}


def section_index_types():
    """The section indexes' page types: they list what is under them."""
    return _content_type_ids(
        model for model in get_page_models() if issubclass(model, SectionIndexPage)
    )


def types_with_own_sitemap_urls():
    """Page types that say their own addresses (``get_sitemap_urls``)."""
    return _content_type_ids(
        model
        for model in get_page_models()
        if model.get_sitemap_urls is not Page.get_sitemap_urls
    )


def newest(*moments):
    known = [moment for moment in moments if moment]
    return max(known) if known else None


class SiteSitemap(Sitemap):
    """The whole site in one list of ``(absolute URL, lastmod)``.

    Each of ``sections`` is a function of the site that returns more
    ``(absolute URL, lastmod)`` pairs, listed after the pages.
    """

    def __init__(self, request, sections=()):
        self.request = request
        self.site = site_for(request)
        self.sections = sections
        # location -> [(hreflang, location)] of a page's versions.
        self.alternates = {}

    def items(self):
        seen, entries = set(), []
        for location, lastmod in [
            *self.page_entries(),
            *self.series_entries(),
            *(entry for section in self.sections for entry in section(self.site)),
        ]:
            if location not in seen:
                seen.add(location)
                entries.append((location, as_moment(lastmod)))
        return entries

    def _urls(self, page, protocol, domain):
        urls = [
            {
                "item": location,
                "location": location,
                "lastmod": lastmod,
                "changefreq": None,
                "priority": None,
                "alternates": [
                    {"lang_code": lang_code, "location": alternate}
                    for lang_code, alternate in self.alternates.get(location, [])
                ],
            }
            for location, lastmod in self.paginator.page(page).object_list
        ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    # Wagtail pages -----------------------------------------------------------

    def roots(self):
        """The site's pages in every language: under its root page and the
        root page's translations."""
        roots = Q()
        for root in self.site.root_page.get_translations(inclusive=True):
            roots |= Q(path__startswith=root.path)
        return roots

    def pages(self):
        """Live, public pages of the site in every language (under the root
        page and its translations), in tree order; no aliases.

        Private pages (and everything under them) and drafts are left out;
        an alias shows another page's content, which is listed already.
        """
        if self.site is None:
            return Page.objects.none()
        return (
            Page.objects.filter(self.roots())
            .select_related("locale")
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .only(
                "path",
                "depth",
                "url_path",
                "content_type",
                "translation_key",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
                "first_published_at",
            )
            .order_by("path")
        )

    def page_entries(self):
        pages = list(self.pages())
        stamps = [as_moment(content.modified_moment(page)) for page in pages]
        section_indexes = section_index_types()
        lastmods = []
        for position, page in enumerate(pages):
            lastmod = stamps[position]
            if content.is_home_page(page) or page.content_type_id in section_indexes:
                # A listing changes when anything under it does; in tree
                # order, a page's descendants follow it.
                for later in range(position + 1, len(pages)):
                    if not pages[later].path.startswith(page.path):
                        break
                    lastmod = newest(lastmod, stamps[later])
            lastmods.append(lastmod)

        own_urls = types_with_own_sitemap_urls()
        specific = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[p.pk for p in pages if p.content_type_id in own_urls]
            ).specific()
        }
        entries, versions = [], {}
        for page, lastmod in zip(pages, lastmods, strict=True):
            if page.pk not in specific:
                location = page.get_full_url(self.request)
                versions.setdefault(page.translation_key, []).append(
                    (languages.bcp47(page.locale.language_code), location)
                )
                entries.append((location, lastmod))
                continue
            urls = specific[page.pk].get_sitemap_urls(self.request)
            for number, url in enumerate(urls):
                own = as_moment(url.get("lastmod"))
                if number and url.get("translation_key"):
                    # A route naming a translatable object (a term's page):
                    # its versions are the same route in each language.
                    versions.setdefault(
                        (page.translation_key, url["translation_key"]), []
                    ).append(
                        (languages.bcp47(page.locale.language_code), url["location"])
                    )
                # The page itself: the newer of both; its routes without a
                # date of their own changed when the page did.
                if number == 0:
                    entries.append((url["location"], newest(own, lastmod)))
                else:
                    entries.append((url["location"], own or lastmod))
            if urls:
                versions.setdefault(page.translation_key, []).append(
                    (languages.bcp47(page.locale.language_code), urls[0]["location"])
                )
        self.note_alternates(versions.values())
        return entries

    def note_alternates(self, groups):
        """Each page in several languages lists all its versions and English
        as ``x-default``, as the page's own ``hreflang`` links do."""
        default = languages.bcp47(settings.LANGUAGE_CODE)
        for group in groups:
            if len(group) < 2:
                continue
            links = sorted(group)
            links += [("x-default", url) for code, url in group if code == default]
            for _code, location in group:
                self.alternates[location] = links

    # News series -------------------------------------------------------------

    def series_entries(self):
        """Each series with live items, in each language's news index
        (``/news/series/<slug>/``, ``/es/noticias/series/<slug>/``); a series
        in both languages names both versions."""
        if self.site is None:
            return []
        indexes = (
            NewsIndexPage.objects.live()
            .public()
            .filter(self.roots())
            .select_related("locale")
            .order_by("path")
        )
        entries, versions = [], {}
        for index in indexes:
            rows = (
                NewsPage.objects.live()
                .public()
                .descendant_of(index)
                # The route shows the series of the index's own language.
                .filter(series__isnull=False, series__locale_id=index.locale_id)
                .order_by()
                .values("series__slug", "series__translation_key")
                .annotate(
                    published=Max("last_published_at"), first=Max("first_published_at")
                )
                .order_by("series__slug")
            )
            index_url = index.get_full_url(self.request).rstrip("/")
            language = languages.bcp47(index.locale.language_code)
            for row in rows:
                location = (
                    index_url
                    + "/"
                    + index.reverse_subpage("series", args=[row["series__slug"]])
                )
                entries.append((location, row["published"] or row["first"]))
                versions.setdefault(
                    (index.translation_key, row["series__translation_key"]), []
                ).append((language, location))
        self.note_alternates(versions.values())
        return entries
