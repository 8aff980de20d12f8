"""What a page's <head> says about it to search engines and sharers: the
canonical address, and the Open Graph and Twitter card tags.

``psg.metadata.templatetags.psg_metadata`` puts them in ``base.html``.
"""

import html
import re
from urllib.parse import urlencode, urlsplit

from django.utils.html import strip_tags

from wagtail.models import Page

from psg.core.addresses import absolute
from psg.core.models import SocialLink
from psg.core.page_facts import item_moment, regions_and_topics
from psg.core.sites import site_for
from psg.news.models import NewsPage

from . import content, languages

# Listing filters whose value, once the view has checked it and put it in the
# context under the same name, belongs in the canonical address.
CANONICAL_FILTERS = ("kind",)

_SPACES = re.compile(r"\s+")


def plain_text(value):
    """Rendered template output (escaped HTML) as one line of plain text."""
    if not value:
        return ""
    return _SPACES.sub(" ", html.unescape(strip_tags(str(value)))).strip()


# The canonical address ---------------------------------------------------


def _page_number(context):
    """The number of the listing page shown (``items`` is the paginator's page)."""
    number = getattr(context.get("items"), "number", None)
    return number if isinstance(number, int) else 1


def canonical_query(context, request):
    """The query string a page's canonical address keeps: filters and page.

    The view's own ``canonical_query`` (a string or a dict) if it gives one,
    else the checked filters and a page number above 1; everything else is
    dropped (docs/feeds-and-metadata.md, "Canonical addresses").
    """
    explicit = context.get("canonical_query")
    if isinstance(explicit, str):
        return explicit.lstrip("?")
    if explicit is not None:
        return urlencode(explicit)
    params = []
    get = request.GET if request is not None else {}
    for name in CANONICAL_FILTERS:
        value = context.get(name)
        if isinstance(value, str) and value and get.get(name) == value:
            params.append((name, value))
    number = _page_number(context)
    if number > 1:
        params.append(("page", number))
    return urlencode(params)


def canonical_url(context):
    """The absolute address this page is best known by, from the site root."""
    request = context.get("request")
    page = context.get("page")
    site = site_for(request)
    url = None
    if isinstance(page, Page) and page.pk:
        url = page.get_full_url(request)
        # A route of a routable page (/news/series/<slug>/) is its own page.
        below = languages.below_page(url, request) if url else None
        if below:
            url = url.rstrip("/") + below
    if not url:
        url = absolute(site, request.path if request is not None else "/")
    query = canonical_query(context, request)
    return f"{url}?{query}" if query else url


# Open Graph and Twitter cards --------------------------------------------


def twitter_handle(social_links):
    """``@name`` from the site's X (Twitter) link, if it has one."""
    for link in social_links:
        if link.network != SocialLink.Network.X:
            continue
        name = urlsplit(link.url).path.strip("/").split("/")[0]
        if name:
            return "@" + name
    return ""


def social_tags(context, chrome):
    """Open Graph and Twitter tags: ``([(property, content)], [(name, content)])``.

    Title, description and address are what the page's own ``title``,
    ``meta_description`` and ``canonical`` blocks say (``base.html`` keeps
    them as it renders them); the rest comes from the page.
    """
    request = context.get("request")
    site = site_for(request)
    organisation = chrome["organisation"]
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    about_term = any(context.get(name) for name in ("region", "topic", "series"))
    title = plain_text(context.get("captured_title")) or organisation.name
    description = plain_text(context.get("captured_description"))
    url = plain_text(context.get("captured_canonical")) or canonical_url(context)
    article = isinstance(page, NewsPage) and not about_term
    image = content.share_image(site, page) if page and not about_term else None

    og = [
        ("og:site_name", organisation.name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:type", "article" if article else "website"),
        ("og:locale", content.og_locale()),
    ]
    og += [
        ("og:locale:alternate", version.og_locale)
        for version in languages.others(context)
        if version.exact
    ]
    if image:
        og += [
            ("og:image", image["url"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
        ]
        if image["alt"]:
            og.append(("og:image:alt", image["alt"]))
    if article:
        regions, topics = regions_and_topics(page)
        og += [
            ("article:published_time", content.iso(item_moment(page))),
            ("article:modified_time", content.iso(content.modified_moment(page))),
            ("article:section", str(page.get_kind_display())),
        ]
        og += [("article:tag", term.name) for term in regions + topics]

    large = (
        image is not None
        and image["width"] >= content.LARGE_CARD_MIN_WIDTH
        and image["height"] >= content.LARGE_CARD_MIN_HEIGHT
    )
    twitter = [
        ("twitter:card", "summary_large_image" if large else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if image:
        twitter.append(("twitter:image", image["url"]))
        if image["alt"]:
            twitter.append(("twitter:image:alt", image["alt"]))
    handle = twitter_handle(chrome.get("social_links", []))
    if handle:
        twitter.append(("twitter:site", handle))
    return (
        [(key, value) for key, value in og if value],
        [(key, value) for key, value in twitter if value],
    )
