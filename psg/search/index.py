"""What a searchable page puts in the search index besides its own fields.

PostgreSQL's full-text parser keeps accents ("apurímac" and "apurimac" are
different lexemes) and the ``unaccent`` extension cannot be assumed, so
searchable pages also index an accent-folded copy of their title and text;
queries are folded the same way (psg.search.query). SQLite's FTS5 tokenizer
folds accents itself, so there the copies stay empty.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.utils import timezone

from wagtail.search import index

from .text import strip_accents

TITLE_BOOST = 2  # Wagtail's own boost for page titles
TEXT_BOOST = 1
ATTACHMENT_BOOST = 0.5


FOLDED_FIELDS = (
    "search_folded_title",
    "search_folded_text",
    "search_folded_attachments",
)


def folded_search_fields(attachments=False):
    """The search_fields entries the site search adds to a page type: the
    folded copies (see SearchableMixin) and the filter terms.

    ``attachments``: the page also indexes a field with ATTACHMENT_BOOST (the
    text of its files), whose copy keeps that lower weight.
    """
    fields = [
        index.SearchField("search_folded_title", boost=TITLE_BOOST),
        index.SearchField("search_folded_text", boost=TEXT_BOOST),
        index.AutocompleteField("search_filter_terms"),
    ]
    if attachments:
        fields.append(
            index.SearchField("search_folded_attachments", boost=ATTACHMENT_BOOST)
        )
    return fields


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


def text_fields(page, attachments=None):
    """The plain text of ``page``'s indexed fields other than its title.

    The same values the search index holds, in the same order. With
    ``attachments`` True or False, only the fields whose boost is (or is not)
    ATTACHMENT_BOOST.
    """
    texts = []
    for field in page.get_search_fields():
        if (
            not isinstance(field, index.SearchField)
            or field.field_name == "title"
            or field.field_name in FOLDED_FIELDS
        ):
            continue
        if attachments is not None and attachments != (field.boost == ATTACHMENT_BOOST):
            continue
        value = field.get_value(page)
        if isinstance(value, (list, tuple)):
            value = "\n".join(str(item) for item in value if item)
        if value:
            texts.append(str(value))
    return texts


def folding_needed():
    """Whether the index needs folded copies: only on PostgreSQL."""
    return connection.vendor == "postgresql"


# Begins each folded copy, so that the index's plain text can be cut back to
# the page's own words (psg.search.engine.snippet_texts). A control character:
# no text search parser makes a word of it.
FOLDED_MARK = "\x1e"


def _folded_copy(texts):
    copies = [strip_accents(text) for text in texts]
    changed = [copy for copy, text in zip(copies, texts, strict=True) if copy != text]
    return FOLDED_MARK + "\n".join(changed) if changed else ""


# The relations whose items become filter terms, and the kind of term.
_FILTERED_RELATIONS = {"regions": "region", "topics": "topic"}


class SearchableMixin:
    """For page types the site search finds: adds the folded copies."""

    def _folded_texts(self, attachments):
        # The indexer asks for every search field once per column it fills
        # (title, body, autocomplete, two plain-text mirrors), so the folded
        # copies are kept while the fields they come from are the same objects
        # (kept here too, so none can be freed and its identity reused).
        names = [
            field.field_name
            for field in self.get_search_fields()
            if isinstance(field, index.SearchField)
            and field.field_name != "title"
            and field.field_name not in FOLDED_FIELDS
        ]
        sources = tuple(getattr(self, name, None) for name in names)
        memo = self.__dict__.setdefault("_psg_folded_texts", {})
        kept = memo.get(attachments)
        if kept is None or any(
            old is not new for old, new in zip(kept[0], sources, strict=True)
        ):
            kept = memo[attachments] = (
                sources,
                _folded_copy(text_fields(self, attachments=attachments)),
            )
        return kept[1]

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

    def search_folded_title(self):
        return _folded_copy([self.title]) if folding_needed() else ""

    def search_folded_text(self):
        return self._folded_texts(False) if folding_needed() else ""

    def search_folded_attachments(self):
        return self._folded_texts(True) if folding_needed() else ""
