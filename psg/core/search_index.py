"""What a searchable page puts in the search index besides its own fields:
the filter terms of its regions, topics and year.

Accents: SQLite's FTS5 tokenizer folds them; on PostgreSQL the site's search
backend (psg.search.backend) makes the index's text vectors from folded text.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from wagtail.search import index

TEXT_BOOST = 1
ATTACHMENT_BOOST = 0.5


def site_search_fields():
    """The search_fields entries the site search adds to a page type: the
    filter terms (see SearchableMixin)."""
    return [index.AutocompleteField("search_filter_terms")]


# Filter terms: words no text contains, one for each region, topic and year
# of a page, indexed in the entry's autocomplete column (which the site
# search never matches a reader's words against and does not rank by). A
# region, topic or year filter is then one more word of the full-text query,
# and both databases find the pages with all the words from their indexes
# (psg.search.engine).
FILTER_TERM_PREFIX = "psgfilter"


def filter_term(kind, value):
    """The filter term for ``kind`` ("region", "topic", "year") and
    ``value`` (a primary key or a year): a run of letters and digits, one
    token to every tokenizer."""
    return f"{FILTER_TERM_PREFIX}{kind}{int(value)}"


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def page_year(page):
    """The year the year filter files ``page`` under: its ``date`` (news,
    publications) or the UK date of its ``start`` (events); None without."""
    for name in ("date", "start"):
        if not _has_field(page, name):
            continue
        value = getattr(page, name)
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value)
        return value.year
    return None


# The relations whose items become filter terms, and the kind of term.
_FILTERED_RELATIONS = {"regions": "region", "topics": "topic"}


class SearchableMixin:
    """For page types the site search finds: adds the filter terms."""

    @classmethod
    def get_indexed_objects(cls):
        # The filter terms read the regions and topics, once per column the
        # indexer fills: fetched with the pages, not three times a page.
        names = [name for name in _FILTERED_RELATIONS if _has_field(cls, name)]
        return super().get_indexed_objects().prefetch_related(*names)

    def search_filter_terms(self):
        """The page's filter terms (see filter_term), space-separated."""
        terms = []
        for name, kind in _FILTERED_RELATIONS.items():
            if _has_field(self, name):
                terms += [
                    filter_term(kind, item.pk) for item in getattr(self, name).all()
                ]
        year = page_year(self)
        if year is not None:
            terms.append(filter_term("year", year))
        return " ".join(terms)
