"""Links to region and topic pages from the pages that carry them."""

from django import template

from psg.core.page_facts import terms
from psg.taxonomy.links import term_index_paths

register = template.Library()


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
