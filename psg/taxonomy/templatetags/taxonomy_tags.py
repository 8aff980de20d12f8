"""Links to region and topic pages from the pages that carry them."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from psg.core.page_facts import terms
from psg.taxonomy.links import term_index_paths

register = template.Library()

# (compact, language) -> (the map's data, its HTML), in this worker process.
_rendered_maps = {}


@register.inclusion_tag("taxonomy/components/page_terms.html", takes_context=True)
def page_terms(context, page):
    """The regions and topics of ``page`` as a list, each linked to its page."""
    paths = term_index_paths(context.get("request"))
    regions, topics = terms(page)
    return {
        "regions": regions,
        "topics": topics,
        "region_path": paths.get("region", ""),
        "topic_path": paths.get("topic", ""),
    }


@register.simple_tag
def region_map(data, compact=False):
    """The region map (``region_map_for``'s data) as HTML, rendered again
    only when its data changed: hundreds of numbers, the same for every
    reader until the counts change."""
    key = (bool(compact), get_language())
    kept = _rendered_maps.get(key)
    if kept is not None and kept[0] == data:
        return kept[1]
    html = mark_safe(  # noqa: S308 (a template's output)
        render_to_string(
            "taxonomy/components/region_map.html", {"map": data, "compact": compact}
        )
    )
    _rendered_maps[key] = (data, html)
    return html
