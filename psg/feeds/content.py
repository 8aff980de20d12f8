"""What feeds, sharing tags and structured data read from a page.

One place turns a page's partial date into a moment, finds the image that
stands for it, names its regions and topics, and makes addresses absolute from
the Wagtail site root (with ``psg.core.addresses``), so that the feeds
(``psg.feeds.feeds``), the sharing tags (``psg.feeds.metadata``) and the
JSON-LD (``psg.feeds.structured_data``) say the same things about a page.
"""

import datetime
import logging

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from psg.core.addresses import absolute
from psg.core.models import DatePrecision

logger = logging.getLogger(__name__)

# The size of the image shared with a link: big enough for a large card, never
# enlarged, never cropped (report covers are portrait).
SHARE_RENDITION = "max-1200x1200"
# What summary_large_image cards need at least, in pixels.
LARGE_CARD_MIN_WIDTH = 300
LARGE_CARD_MIN_HEIGHT = 157
LOGO_STATIC_PATH = "img/logo.png"
# The time of day given to items dated by day, month or year only.
DATE_ONLY_TIME = datetime.time(12, 0, tzinfo=datetime.UTC)

# Open Graph wants language_TERRITORY; a bare language gets its usual one.
_DEFAULT_TERRITORIES = {"en": "en_GB", "es": "es_ES"}


def site_for(request):
    """The Wagtail site a request is for, else the default site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def logo_url(site):
    return absolute(site, static(LOGO_STATIC_PATH))


def item_moment(page):
    """When an item is dated, as an aware datetime, for feeds and article tags.

    The item's own date, on the first of the month when only the month is
    known (the first of January for a year), at noon UTC: a date with no time
    then falls on the same day wherever the reader is, from Lima to Tokyo. An
    undated archive item falls back on when it was first published.
    """
    date = getattr(page, "date", None)
    if date:
        precision = getattr(page, "date_precision", DatePrecision.DAY)
        if precision == DatePrecision.MONTH:
            date = date.replace(day=1)
        elif precision == DatePrecision.YEAR:
            date = date.replace(month=1, day=1)
        return datetime.datetime.combine(date, DATE_ONLY_TIME)
    return (
        page.first_published_at
        or page.last_published_at
        or page.latest_revision_created_at
    )


def item_published_iso(page):
    """``datePublished`` for JSON-LD: a date when the item has one, else a time."""
    moment = item_moment(page)
    if moment is None:
        return None
    if getattr(page, "date", None):
        return moment.date().isoformat()
    return moment.isoformat()


def modified_moment(page):
    """When the page was last changed on the site."""
    return (
        page.last_published_at
        or page.latest_revision_created_at
        or page.first_published_at
    )


def iso(moment):
    return moment.isoformat() if moment else None


def language_tag():
    """The BCP 47 tag of the language pages are served in: ``en-GB``."""
    return to_locale(get_language() or settings.LANGUAGE_CODE).replace("_", "-")


def og_locale():
    """The Open Graph locale: ``en_GB``."""
    locale = to_locale(get_language() or settings.LANGUAGE_CODE)
    if "_" not in locale:
        locale = _DEFAULT_TERRITORIES.get(locale, locale)
    return locale


def regions_and_topics(page):
    """The page's regions and topics, each list in name order (may be empty).

    Read once per page object: the sharing tags and the JSON-LD both ask.
    """
    cached = getattr(page, "_psg_regions_and_topics", None)
    if cached is not None:
        return cached
    regions = list(page.regions.all()) if hasattr(page, "regions") else []
    topics = list(page.topics.all()) if hasattr(page, "topics") else []
    result = (
        sorted(regions, key=lambda term: term.name),
        sorted(topics, key=lambda term: term.name),
    )
    page._psg_regions_and_topics = result
    return result


def author_names(page):
    """The names of a news item's authors, in name order."""
    if not hasattr(page, "authors"):
        return []
    return sorted(author.name for author in page.authors.all())


def page_image(page):
    """The image that stands for a page and its alt text, or ``(None, "")``.

    A publication's cover; otherwise the first image in the page's body.
    """
    cover = getattr(page, "cover_image", None)
    if cover is not None:
        return cover, _("Cover of “%(title)s”") % {"title": page.title}
    body = getattr(page, "body", None)
    for block in body or ():
        if block.block_type != "image":
            continue
        image = block.value.get("image")
        if image is not None:
            decorative = getattr(image, "decorative", False)
            alt = "" if decorative else getattr(image, "contextual_alt_text", "")
            return image, alt or ""
    return None, ""


def share_image(site, page):
    """The page's image for link previews: absolute URL, size and alt text.

    ``None`` when the page has no image, or its file is missing (a link
    preview without an image beats a page that fails).
    """
    image, alt = page_image(page)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_RENDITION)
    except (SourceImageIOError, OSError):
        logger.warning("No rendition for image %s on page %s", image.pk, page.pk)
        return None
    return {
        "url": absolute(site, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def pdf_files(page):
    """A publication's PDF files in the editor's order: ``PublicationFile`` rows."""
    if not hasattr(page, "files"):
        return []
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    if "files" in prefetched or page.pk is None:
        files = page.files.all()
    else:
        files = page.files.select_related("document")
    return [item for item in files if item.document.file_extension.lower() == "pdf"]


def document_size(document):
    """The file's size in bytes; 0 when the storage cannot tell."""
    if document.file_size:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return 0
