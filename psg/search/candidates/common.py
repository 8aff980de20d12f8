"""What both databases' candidate queries share: the page conditions, the
kinds' content types and the filter terms."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.models import Page, PageViewRestriction

from psg.core.search_index import filter_term


def quote(name):
    return connection.ops.quote_name(name)


def page_conditions():
    """SQL (on the alias ``p`` for wagtailcore_page) and parameters that hold
    for live pages outside any private section."""
    conditions = ["p.live = %s"]
    params = [True]
    # Two small queries: a join asking for distinct paths makes SQLite read
    # every page's path in order.
    restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    paths = (
        Page.objects.filter(pk__in=restricted).values_list("path", flat=True)
        if restricted
        else []
    )
    for path in sorted(paths):
        conditions.append("p.path NOT LIKE %s")
        params.append(path + "%")
    return " AND ".join(conditions), params


def filter_terms(filters):
    """The filter terms (psg.core.search_index.filter_term) a page must have to
    pass the region, topic and year filters."""
    terms = []
    if filters.region is not None:
        terms.append(filter_term("region", filters.region.pk))
    if filters.topic is not None:
        terms.append(filter_term("topic", filters.topic.pk))
    if filters.year:
        terms.append(filter_term("year", filters.year))
    return terms


def content_type_ids(filters):
    types = ContentType.objects.get_for_models(*filters.models)
    return sorted(content_type.pk for content_type in types.values())
