"""Where a region's or a topic's page is, for links from anywhere on the site."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, Site

from psg.core import structure

from .activity import region_activity
from .pages import RegionIndexPage, TopicIndexPage
from .region_map import build_map


def term_index_paths(request=None):
    """{"region": "/regions/", "topic": "/topics/"} for the live index pages.

    A term's page is its index's path plus its slug and a slash. One query,
    made once per worker until a page or Site changes (psg.core.structure);
    an index that does not exist (or is not live) is left out, and the terms
    are then shown without links.
    """
    site = Site.find_for_request(request) if request is not None else None
    return structure.kept(
        f"term-index-paths:{site.pk if site else None}",
        lambda: _term_index_paths(request),
        request,
    )


def _term_index_paths(request):
    names = {
        ContentType.objects.get_for_model(RegionIndexPage).pk: "region",
        ContentType.objects.get_for_model(TopicIndexPage).pk: "topic",
    }
    paths = {}
    for page in Page.objects.live().filter(content_type__in=list(names)):
        url = page.get_url(request)
        if url:
            paths.setdefault(names[page.content_type_id], url)
    return paths


def region_map_for(request):
    """The map's data linked to the region index, or None without an index."""
    index = term_index_paths(request).get("region")
    if index is None:
        return None
    return build_map(region_activity(), lambda slug: f"{index}{slug}/", index_url=index)
