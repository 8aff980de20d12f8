"""What the sharing tags, the JSON-LD and the sitemap read from a page: its
image, its dates, its language and whether it is the home page.

What the feeds read too is in ``psg.core.page_facts``.
"""

import logging

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError

from psg.core.addresses import absolute
from psg.core.page_facts import item_moment

logger = logging.getLogger(__name__)

# The size of the image shared with a link: big enough for a large card, never
# enlarged, never cropped (report covers are portrait).
SHARE_RENDITION = "max-1200x1200"
# What summary_large_image cards need at least, in pixels.
LARGE_CARD_MIN_WIDTH = 300
LARGE_CARD_MIN_HEIGHT = 157
LOGO_STATIC_PATH = "img/logo.png"
# The home page is the one page type allowed under the tree's root (depth 1),
# and there is one of it (``HomePage.parent_page_types`` and ``max_count``).
HOME_PAGE_DEPTH = 2

# Open Graph wants language_TERRITORY; a bare language gets its usual one.
_DEFAULT_TERRITORIES = {"en": "en_GB", "es": "es_ES"}


def is_home_page(page):
    return page.depth == HOME_PAGE_DEPTH


def logo_url(site):
    return absolute(site, static(LOGO_STATIC_PATH))


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
    cached = getattr(page, "_psg_share_image", None)
    if cached is not None:
        return cached[0]
    shared = None
    image, alt = page_image(page)
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_RENDITION)
        except (SourceImageIOError, OSError):
            logger.warning("No rendition for image %s on page %s", image.pk, page.pk)
        else:
            shared = {
                "url": absolute(site, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": alt,
            }
    # Once per page object: the sharing tags and the JSON-LD both show it.
    page._psg_share_image = (shared,)
    return shared
