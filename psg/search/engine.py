"""Finding pages for a parsed query: the code path behind /search/.

Wagtail's search backend keeps the index; the candidate queries
(psg.search.candidates) take the newest matching entries, scored, on SQLite
or PostgreSQL. Here the results are ranked (a title holding the whole query
above the rest) or sorted by date, paged, and shown with their snippets. Why
not Wagtail's own ``.search()``: docs/search.md and
docs/decisions/0002-search.md.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from psg.core.page_kinds import item_date, kind_models, model_for

from . import candidates
from .highlight import Matcher, highlight, snippet

PER_PAGE = 10
# What a result shows of every page besides its kind's result_fields.
SHOWN = ("title", "url_path")


def kind_choices():
    """(value, label) of every kind a search can be narrowed to."""
    return [(model.page_kind.name, model.page_kind.plural) for model in kind_models()]


class Sort:
    RELEVANCE = "relevance"
    DATE = "date"


@dataclass
class Filters:
    kind: str = ""
    region: object = None
    topic: object = None
    year: int | None = None

    @property
    def models(self):
        if self.kind:
            return [model_for(self.kind)]
        return kind_models()


@dataclass
class Hit:
    page: Page
    kind: str
    title_html: str
    snippet_html: str

    @property
    def kind_label(self):
        return self.page.page_kind.label

    @property
    def date(self):
        """(display text, ISO date) of the page's date, or ("", "")."""
        return self.page.listing_date()


@dataclass
class Results:
    """One page of results. ``total`` counts at most ``limit`` matches;
    ``capped`` says there were more."""

    page: object = None
    hits: list = field(default_factory=list)
    total: int = 0
    capped: bool = False
    limit: int = 0


def scored_limit():
    return max(1, settings.PSG_SEARCH_SCORED_LIMIT)


def search(parsed, filters=None, sort=Sort.RELEVANCE, page_number=1):
    """The ``page_number``th page of pages matching ``parsed`` (a
    psg.search.query.ParsedQuery) under ``filters``, sorted by relevance or
    date."""
    filters = filters or Filters()
    limit = scored_limit()
    results = Results(limit=limit)
    if not parsed:
        return results
    rows = candidates.find(parsed, filters, limit + 1)
    results.capped = len(rows) > limit
    rows = rows[:limit]
    results.total = len(rows)
    matcher = Matcher(parsed)
    if sort == Sort.DATE:
        dates = _dates([row[0] for row in rows])
        oldest = datetime.date.min
        rows.sort(key=lambda row: (dates.get(row[0]) or oldest, row[0]), reverse=True)
    else:
        rows.sort(
            key=lambda row: (matcher.matches_all(row[1]), row[2], row[0]),
            reverse=True,
        )
    results.page = Paginator(rows, PER_PAGE).get_page(page_number)
    # {page id: content type id} of this page's results, in order.
    shown = {row[0]: row[3] for row in results.page.object_list}
    pages = result_pages(shown)
    texts = snippet_texts(shown)
    for pk in shown:
        page = pages.get(pk)
        if page is None:
            continue
        results.hits.append(
            Hit(
                page=page,
                kind=page.page_kind.name,
                title_html=highlight(page.title, matcher),
                snippet_html=snippet(texts.get(pk, ""), matcher),
            )
        )
    return results


def result_pages(content_types):
    """{page id: page} for ``content_types`` ({page id: its content type
    id}), each as its own page type with only the fields a result shows:
    one query per kind, without the bodies and file text a result never
    needs (loading them took longer than the rest of the result page)."""
    searched = set(kind_models())
    by_model = {}
    for pk, content_type_id in content_types.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model in searched:
            by_model.setdefault(model, []).append(pk)
    return {
        page.pk: page
        for model, ids in by_model.items()
        for page in model.objects.filter(pk__in=ids).only(
            *SHOWN, *model.page_kind.result_fields
        )
    }


def snippet_texts(content_types):
    """{page id: the plain text the index holds for it, title aside}, for
    ``content_types`` ({page id: its content type id}).

    Read from the index entries (one query), which hold the text of rich text
    and StreamFields already stripped of markup, rather than from the pages.
    """
    if not content_types:
        return {}
    column = "body_text" if connection.vendor == "postgresql" else "body"
    entries = IndexEntry.objects.filter(
        content_type_id__in=set(content_types.values()),
        object_id__in=[str(pk) for pk in content_types],
    ).values_list("object_id", column)
    return {int(object_id): text or "" for object_id, text in entries}


def _dates(ids):
    """{page id: its date} for sorting (events by the UK day they start)."""
    if not ids:
        return {}
    return dict(
        Page.objects.filter(pk__in=ids)
        .annotate(sort_date=item_date(kind_models(dated=True)))
        .values_list("pk", "sort_date")
    )
