"""Finding pages for a parsed query: the code path behind /search/.

Wagtail's search backend keeps the index (``wagtailsearch_indexentry``: SQLite
FTS5 or PostgreSQL tsvectors, updated when pages are saved); this module asks
it. Wagtail's own ``.search()`` is not used for the site search because on a
large index it scores every match before filtering and paging (on SQLite with
one FTS query per candidate), and its SQLite ranking ignores field boosts.
Here, for each search:

1. every word and phrase is matched against the title and text of live
   pages of the chosen kinds outside private sections, and each region,
   topic and year filter is one more word (a filter term, psg.search.index)
   matched against the entry's autocomplete column;
2. the matches are taken newest first (newest added to the index) up to
   ``PSG_SEARCH_SCORED_LIMIT``, so that only those are scored: SQLite's bm25
   with the title weighted above the text, PostgreSQL's ts_rank with the
   weights of the search_fields boosts.

Then, in Python, pages whose title holds the whole query go above the rest (a
title match ranks above a text match), or the newest first; ten a page, with
snippets from the plain text the index holds.
"""

import datetime
import json
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import DateField
from django.db.models.functions import Cast, Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction
from wagtail.search.models import IndexEntry

from psg.events.models import EventPage
from psg.news.models import NewsPage
from psg.publications.models import PublicationPage
from psg.standard_pages.models import StandardPage

from .highlight import Matcher, highlight, snippet
from .index import filter_term

PER_PAGE = 10
# PostgreSQL walks the entries newest first when the planner expects at least
# this share of them to match; below it the GIN indexes find the matches in a
# window of the newest entries this many times the size expected to hold the
# ranked matches (see _postgres_candidates).
POSTGRES_WALK_SHARE = 0.3
POSTGRES_WINDOW_MARGIN = 2
# A phrase is checked against each candidate's word positions, which the GIN
# indexes do not hold: the entries with all of its words are listed first,
# newest first, then checked in batches of at least this many until enough
# match (_postgres_phrase_rows).
POSTGRES_PHRASE_BATCH = 1000
# How many times wider a phrase's first window is (see _postgres_candidates).
POSTGRES_PHRASE_WIDENING = 3
# SQLite bm25 column weights: autocomplete (unused), text, title.
SQLITE_WEIGHTS = (0.0, 1.0, 4.0)
# PostgreSQL ts_rank weights for D, C, B, A: attachments (boost 0.5), text
# (boost 1), page titles (boost 2), and A (boost 10: images, documents).
POSTGRES_WEIGHTS = "{0.1, 0.4, 1.0, 1.0}"


class Kind:
    NEWS = "news"
    PUBLICATION = "publication"
    EVENT = "event"
    PAGE = "page"


KIND_CHOICES = [
    (Kind.NEWS, _("News")),
    (Kind.PUBLICATION, _("Publications")),
    (Kind.EVENT, _("Events")),
    (Kind.PAGE, _("Pages")),
]
KIND_LABELS = {
    Kind.NEWS: _("News"),
    Kind.PUBLICATION: _("Publication"),
    Kind.EVENT: _("Event"),
    Kind.PAGE: _("Page"),
}
KIND_MODELS = {
    Kind.NEWS: NewsPage,
    Kind.PUBLICATION: PublicationPage,
    Kind.EVENT: EventPage,
    Kind.PAGE: StandardPage,
}
# The date each kind is filtered and sorted by.
DATE_FIELDS = {NewsPage: "date", PublicationPage: "date", EventPage: "start"}
# What a result shows of its page: the link (``url_path``), the title and the
# date (``Hit.date``).
_SHOWN = ("title", "url_path")
RESULT_FIELDS = {
    NewsPage: (*_SHOWN, "date", "date_precision"),
    PublicationPage: (*_SHOWN, "date", "date_precision"),
    EventPage: (*_SHOWN, "start", "time_zone"),
    StandardPage: _SHOWN,
}


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
            return [KIND_MODELS[self.kind]]
        return list(KIND_MODELS.values())


@dataclass
class Hit:
    page: Page
    kind: str
    title_html: str
    snippet_html: str

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def date(self):
        """(display text, ISO date) of the page's date, or ("", "")."""
        page = self.page
        if isinstance(page, EventPage):
            start = page.local_start
            return date_format(start, "j F Y"), start.date().isoformat()
        if hasattr(page, "display_date") and page.date:
            return page.display_date, page.iso_date
        return "", ""


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
    rows = _candidates(parsed, filters, limit + 1)
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
    kinds = {model: kind for kind, model in KIND_MODELS.items()}
    for pk in shown:
        page = pages.get(pk)
        if page is None:
            continue
        results.hits.append(
            Hit(
                page=page,
                kind=kinds[type(page)],
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
    by_model = {}
    for pk, content_type_id in content_types.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model in RESULT_FIELDS:
            by_model.setdefault(model, []).append(pk)
    return {
        page.pk: page
        for model, ids in by_model.items()
        for page in model.objects.filter(pk__in=ids).only(*RESULT_FIELDS[model])
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
    """{page id: its date} for sorting (events by their start, in UTC)."""
    if not ids:
        return {}
    return dict(
        Page.objects.filter(pk__in=ids)
        .annotate(
            sort_date=Coalesce(
                "newspage__date",
                "publicationpage__date",
                Cast("eventpage__start", DateField()),
                output_field=DateField(),
            )
        )
        .values_list("pk", "sort_date")
    )


def _quote(name):
    return connection.ops.quote_name(name)


def _page_conditions():
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


def _content_type_id(model):
    return int(ContentType.objects.get_for_model(model).pk)


def filter_terms(filters):
    """The filter terms (psg.search.index.filter_term) a page must have to
    pass the region, topic and year filters."""
    terms = []
    if filters.region is not None:
        terms.append(filter_term("region", filters.region.pk))
    if filters.topic is not None:
        terms.append(filter_term("topic", filters.topic.pk))
    if filters.year:
        terms.append(filter_term("year", filters.year))
    return terms


def _content_type_ids(filters):
    types = ContentType.objects.get_for_models(*filters.models)
    return sorted(content_type.pk for content_type in types.values())


def _candidates(parsed, filters, limit):
    """At most ``limit`` (page id, title, rank, content type id) rows of
    matching pages, the newest in the index first; a higher rank is a better
    match."""
    if connection.vendor == "postgresql":
        return _postgres_candidates(parsed, filters, limit)
    if connection.vendor == "sqlite":
        return _sqlite_candidates(parsed, filters, limit)
    raise NotImplementedError(f"No site search for {connection.vendor}")


def fts5_query(parsed, terms=()):
    """The FTS5 MATCH expression: every word and phrase, title or text, and
    every filter term in the autocomplete column.

    Each word is a run of letters and digits, so none can carry FTS5 syntax;
    each is still quoted, the only way FTS5 reads a string as a plain token.
    """
    parts = [f'"{term}"' for term in parsed.terms]
    parts += ['"' + " ".join(phrase) + '"' for phrase in parsed.phrases]
    expression = "{title body} : (" + " AND ".join(parts) + ")"
    if terms:
        filtered = " AND ".join(f'"{term}"' for term in terms)
        expression += f" AND autocomplete : ({filtered})"
    return expression


def _sqlite_candidates(parsed, filters, limit):
    entry = IndexEntry._meta.db_table
    fts = f"{entry}_fts"
    page_conditions, page_params = _page_conditions()
    types = _content_type_ids(filters)
    in_types = ", ".join(["%s"] * len(types))
    # CROSS JOIN keeps SQLite's join order: the FTS matches drive, newest
    # first, and the loop stops after ``limit`` rows that pass the filters.
    sql = (
        "SELECT p.id, p.title, {rank}, p.content_type_id "  # noqa: S608
        f"FROM {fts} "
        f"CROSS JOIN {entry} AS e ON e.id = {fts}.rowid "
        f"CROSS JOIN {_quote(Page._meta.db_table)} AS p "
        "ON p.id = CAST(e.object_id AS INTEGER) "
        f"WHERE {fts} MATCH %s "
        f"AND e.content_type_id IN ({in_types}) "
        f"AND {page_conditions} "
        f"ORDER BY {fts}.rowid DESC LIMIT %s"
    )
    params = [
        fts5_query(parsed, filter_terms(filters)),
        *types,
        *page_params,
        limit,
    ]
    weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
    # bm25 needs, once per search, the number of pages holding each word or
    # phrase, which FTS5 counts by reading all of them: for a common word
    # that costs more than the rest of the search. So the search first runs
    # without it; when it finds more than ``limit`` matches (which are then
    # ranked among the newest only) their titles and recency rank them, and
    # only a search with fewer matches runs again to be ranked by bm25 (the
    # filter terms, in the autocomplete column, weigh nothing).
    with connection.cursor() as cursor:
        cursor.execute(sql.format(rank="0"), params)
        rows = [list(row) for row in cursor.fetchall()]
        if len(rows) < limit:
            cursor.execute(sql.format(rank=f"-bm25({fts}, {weights})"), params)
            rows = [list(row) for row in cursor.fetchall()]
    return rows


@dataclass(frozen=True)
class _Part:
    """A word or phrase of the query as tsquery text, from the database's own
    parser: ``query`` must match (a phrase's words in order), ``words`` is the
    same words in any order (for a word, the same as ``query``)."""

    query: str
    words: str

    @property
    def phrase(self):
        """Whether matching needs word positions, which the GIN indexes lack."""
        return self.query != self.words


def _postgres_parts(parsed, config):
    """The query's words and phrases (``_Part``), without those the
    configuration drops (stop words such as "the"); and, in the same query,
    the planner's count of index entries (kept by VACUUM and ANALYZE; -1 for
    a table never analysed) and the newest entry's id, both read without
    reading the table.

    The tsqueries are made here once and passed to every later query as
    values: written as function calls they would be made again for each
    entry a phrase is checked against."""
    texts = [(False, term) for term in parsed.terms]
    texts += [(True, " ".join(phrase)) for phrase in parsed.phrases]
    selects, params = [], []
    for phrase, text in texts:
        function = "phraseto_tsquery" if phrase else "plainto_tsquery"
        selects.append(
            f"{function}(%s::regconfig, %s)::text, "
            "plainto_tsquery(%s::regconfig, %s)::text"
        )
        params += [config, text, config, text]
    entry = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(selects)}, "  # noqa: S608
            "(SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass), "
            f"(SELECT max(id) FROM {entry})",
            [*params, entry],
        )
        *queries, walked, newest = cursor.fetchone()
    parts = [
        _Part(query, words)
        for query, words in zip(queries[0::2], queries[1::2], strict=True)
        if query
    ]
    return parts, walked, newest


def _postgres_estimate(conditions, params):
    """How many index entries PostgreSQL's planner expects to meet
    ``conditions`` (on the alias ``e``), from its statistics."""
    entry = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {entry} AS e WHERE {conditions}",  # noqa: S608
            params,
        )
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Plan"]["Plan Rows"]


def _postgres_candidates(parsed, filters, limit):
    """The PostgreSQL search. Which way it reads the index depends on how
    many entries the planner expects to match among those it would walk:

    - many (``POSTGRES_WALK_SHARE`` or more): walk the entries newest first,
      checking each one's words, and stop at ``limit``;
    - few: let the GIN indexes find the matches, among the entries passing
      the filters or, without filters, in a window of the newest entries
      sized to hold ``limit`` matches (then a second window sized by the
      share of matches the first held, then the rest), so that no entry is
      read only to be turned down; a phrase is checked only among the
      entries holding its words (``_postgres_phrase_rows``). PostgreSQL's planner
      does not count the cost of reading a large tsvector and would walk
      here too (that took 430 ms for two mid-frequency words in 100,000
      items, where the indexes take 9 ms), so plain index scans are turned
      off for this query.
    """
    from wagtail.search.backends import get_search_backend

    config = get_search_backend().config or "english"
    parts, walked, newest = _postgres_parts(parsed, config)
    if not parts or newest is None:  # nothing to find, or an empty index
        return []
    types = _content_type_ids(filters)
    conditions = [f"e.content_type_id IN ({', '.join(['%s'] * len(types))})"]
    params = list(types)
    terms = filter_terms(filters)
    if terms:
        # The filter terms, in the autocomplete column (its GIN index; the
        # column is small enough to sit in the row itself).
        conditions.append("e.autocomplete @@ to_tsquery('simple', %s)")
        params.append(" & ".join(terms))
    matches, match_params = _postgres_matches(parts)
    where = " AND ".join([*conditions, matches])
    where_params = [*params, *match_params]
    estimated = _postgres_estimate(where, where_params)
    pages = _page_conditions()  # once per search, for every query below

    def ranked(condition, condition_params, wanted):
        return _postgres_run(condition, condition_params, wanted, parts, pages)

    # A table never analysed has no count (-1): the planner chooses alone.
    if walked <= 0 or estimated >= POSTGRES_WALK_SHARE * walked:
        return ranked(where, where_params, limit)
    words, words_params = _postgres_matches(parts, form="words")
    words = " AND ".join([*conditions, words])
    words_params = [*params, *words_params]
    # The candidates hold every word already: only the phrases are checked.
    phrases = [part for part in parts if part.phrase]
    checked = _postgres_matches(phrases, form="function")

    tally = {"checked": 0, "matched": 0}  # phrase checks, across windows

    def run(window, window_params, wanted):
        if not phrases:
            return ranked(window + where, [*window_params, *where_params], wanted)
        return _postgres_phrase_rows(
            (window + words, [*window_params, *words_params]),
            checked,
            wanted,
            tally,
            ranked,
        )

    with transaction.atomic():
        with connection.cursor() as cursor:
            # SET LOCAL, both in one statement.
            cursor.execute(
                "SELECT set_config('enable_indexscan', 'off', true), "
                "set_config('enable_seqscan', 'off', true)"
            )
        # The planner counts a phrase's words, not their order: only a share
        # of its estimate hold the phrase, so a phrase's window is wider.
        margin = POSTGRES_WINDOW_MARGIN * (POSTGRES_PHRASE_WIDENING if phrases else 1)
        window = math.ceil(margin * limit * walked / max(estimated, 1))
        if window >= walked:
            return run("", [], limit)
        # The newest ``window`` entries; if they hold too few matches, a
        # second window sized by the share of matches the first held; then
        # the rest.
        rows = run("e.id > %s AND ", [newest - window], limit)
        high = newest - window
        if len(rows) < limit:
            share = max(len(rows), 1) / window
            low = high - math.ceil(POSTGRES_WINDOW_MARGIN * (limit - len(rows)) / share)
            if low > 0:
                between = "e.id > %s AND e.id <= %s AND "
                rows += run(between, [low, high], limit - len(rows))
                high = low
        if len(rows) < limit:
            rows += run("e.id <= %s AND ", [high], limit - len(rows))
        return rows


def _postgres_matches(parts, form="index"):
    """One (title OR text) condition per word or phrase (``_Part``), on the
    alias ``e``, together asking for every word somewhere in the page, and
    its parameters. Forms:

    - ``index``: each condition can use the GIN indexes on title and body;
    - ``words``: the same, but a phrase's words may be anywhere in the title
      or text, in any order, which the indexes answer without reading any
      entry (they hold no word positions);
    - ``function``: the same test as ``index`` written as function calls,
      which the planner never answers from the GIN indexes: for checking a
      short list of entries found by their ids.
    """
    if form == "function":
        condition = (
            "(ts_match_vq(e.title, %s::tsquery) OR ts_match_vq(e.body, %s::tsquery))"
        )
    else:
        condition = "(e.title @@ %s::tsquery OR e.body @@ %s::tsquery)"
    queries = [part.words if form == "words" else part.query for part in parts]
    return (
        " AND ".join([condition] * len(queries)),
        [query for query in queries for _column in ("title", "body")],
    )


def _postgres_phrase_rows(words, checked, limit, tally, ranked):
    """``ranked`` rows (see ``_postgres_run``) for a query with a phrase,
    without checking every candidate.

    Checking a phrase reads the entry's word positions (its text vector, about
    7 KB and stored out of line: 5 µs an entry), and a bitmap scan checks all
    the candidates before it can keep the newest: a phrase of common words
    with a middle-frequency word checked 9,000 entries (130 ms) in 100,000
    for 250 matches. Here the entries with all the words (``words``:
    condition and parameters) are listed newest first from the indexes alone,
    which read no vector, then checked by id in batches, until ``limit``
    match. ``checked`` (condition and parameters) is the phrases' match in
    function form (no index: the ids are the candidates). The first batch is
    ``POSTGRES_PHRASE_BATCH``; later ones are sized by the share of the
    candidates checked so far that held the phrase (``tally``, kept across
    the windows of one search)."""
    condition, params = words
    entry = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id FROM {entry} AS e WHERE {condition} ORDER BY e.id DESC",  # noqa: S608
            params,
        )
        ids = [row[0] for row in cursor.fetchall()]
    where, where_params = checked
    rows, start = [], 0
    while start < len(ids) and len(rows) < limit:
        wanted = limit - len(rows)
        if tally["checked"]:
            share = max(tally["matched"], 1) / tally["checked"]
            size = max(100, math.ceil(1.3 * wanted / share))
        else:
            size = max(POSTGRES_PHRASE_BATCH, wanted)
        batch = ids[start : start + size]
        start += size
        # Written as an array literal: adapting a list of a thousand ints
        # costs more than the check.
        found = ranked(
            f"e.id = ANY(%s::integer[]) AND {where}",
            ["{" + ",".join(map(str, batch)) + "}", *where_params],
            wanted,
        )
        tally["checked"] += len(batch)
        tally["matched"] += len(found)
        rows += found
    return rows


def _postgres_run(where, where_params, limit, parts, pages):
    """At most ``limit`` (page id, title, rank, content type id) rows of the
    live, public pages (``pages``: ``_page_conditions()``) whose index entry
    (alias ``e``) meets ``where``, newest entry first, ranked for ``parts``."""
    page_conditions, page_params = pages
    entry = IndexEntry._meta.db_table
    page = _quote(Page._meta.db_table)
    whole = " & ".join(f"({part.query})" for part in parts)  # all of them
    selected = (
        "SELECT p.id AS page_id, p.title AS page_title, "  # noqa: S608
        "p.content_type_id AS page_type, e.title, e.body, "
        f"e.id AS walk FROM {entry} AS e "
        f"JOIN {page} AS p ON p.id = e.object_id::integer "
        f"WHERE {where} AND {page_conditions}"
    )
    # Title and text are ranked apart and added: ranking their concatenation
    # would build a new tsvector for each of the rows.
    sql = (
        "SELECT c.page_id, c.page_title, "  # noqa: S608
        "ts_rank(%s::float4[], c.title, %s::tsquery) "
        "+ ts_rank(%s::float4[], c.body, %s::tsquery), c.page_type "
        f"FROM ({selected} ORDER BY walk DESC LIMIT %s) AS c"
    )
    params = [
        POSTGRES_WEIGHTS,
        whole,
        POSTGRES_WEIGHTS,
        whole,
        *where_params,
        *page_params,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [list(row) for row in cursor.fetchall()]
