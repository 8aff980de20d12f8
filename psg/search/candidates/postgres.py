"""The candidate query on PostgreSQL: tsvectors and their GIN indexes, read
the way the planner's estimates say is cheapest (docs/search.md)."""

import json
import math
from dataclasses import dataclass

from django.db import connection, transaction

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from .common import content_type_ids, filter_terms, page_conditions, quote

# PostgreSQL walks the entries newest first when the planner expects at least
# this share of them to match; below it the GIN indexes find the matches in a
# window of the newest entries this many times the size expected to hold the
# ranked matches (see candidates).
POSTGRES_WALK_SHARE = 0.3
POSTGRES_WINDOW_MARGIN = 2
# A phrase is checked against each candidate's word positions, which the GIN
# indexes do not hold: the entries with all of its words are listed first,
# newest first, then checked in batches of at least this many until enough
# match (_postgres_phrase_rows).
POSTGRES_PHRASE_BATCH = 1000
# How many times wider a phrase's first window is (see candidates).
POSTGRES_PHRASE_WIDENING = 3
# PostgreSQL ts_rank weights for D, C, B, A: attachments (boost 0.5), text
# (boost 1), page titles (boost 2), and A (boost 10: images, documents).
POSTGRES_WEIGHTS = "{0.1, 0.4, 1.0, 1.0}"


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


def candidates(parsed, filters, limit):
    """The PostgreSQL search. Which way it reads the index depends on how
    many entries the planner expects to match among those it would walk:

    - many (``POSTGRES_WALK_SHARE`` or more): walk the entries newest first,
      checking each one's words, and stop at ``limit``;
    - few: let the GIN indexes find the matches, among the entries passing
      the filters or, without filters, in a window of the newest entries
      sized to hold ``limit`` matches (then a second window sized by the
      share of matches the first held, then the rest), so that no entry is
      read only to be turned down; a phrase is checked only among the
      entries holding its words (``_postgres_phrase_rows``). PostgreSQL's
      planner does not count the cost of reading a large tsvector and would
      walk here too, many times slower (docs/search.md), so plain index
      scans are turned off for this query.
    """
    config = get_search_backend().config or "english"
    parts, walked, newest = _postgres_parts(parsed, config)
    if not parts or newest is None:  # nothing to find, or an empty index
        return []
    types = content_type_ids(filters)
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
    pages = page_conditions()  # once per search, for every query below

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

    Checking a phrase reads the entry's word positions (its text vector,
    stored out of line), and a bitmap scan checks all the candidates before
    it can keep the newest: thousands of vectors read for a few hundred
    matches (figures in docs/benchmarks.md). Here the entries with all the
    words (``words``: condition and parameters) are listed newest first from
    the indexes alone, which read no vector, then checked by id in batches,
    until ``limit`` match. ``checked`` (condition and parameters) is the
    phrases' match in function form (no index: the ids are the candidates).
    The first batch is ``POSTGRES_PHRASE_BATCH``; later ones are sized by
    the share of the candidates checked so far that held the phrase
    (``tally``, kept across the windows of one search)."""
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
    live, public pages (``pages``: ``page_conditions()``) whose index entry
    (alias ``e``) meets ``where``, newest entry first, ranked for ``parts``."""
    page_sql, page_params = pages
    entry = IndexEntry._meta.db_table
    page = quote(Page._meta.db_table)
    whole = " & ".join(f"({part.query})" for part in parts)  # all of them
    selected = (
        "SELECT p.id AS page_id, p.title AS page_title, "  # noqa: S608
        "p.content_type_id AS page_type, e.title, e.body, "
        f"e.id AS walk FROM {entry} AS e "
        f"JOIN {page} AS p ON p.id = e.object_id::integer "
        f"WHERE {where} AND {page_sql}"
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
