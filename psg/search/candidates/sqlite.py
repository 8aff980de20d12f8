"""The candidate query on SQLite: FTS5 over Wagtail's index table."""

from django.db import connection

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from .common import content_type_ids, filter_terms, page_conditions, quote

# bm25 column weights: autocomplete (unused), text, title.
SQLITE_WEIGHTS = (0.0, 1.0, 4.0)


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


def candidates(parsed, filters, limit):
    entry = IndexEntry._meta.db_table
    fts = f"{entry}_fts"
    pages, page_params = page_conditions()
    types = content_type_ids(filters)
    in_types = ", ".join(["%s"] * len(types))
    # CROSS JOIN keeps SQLite's join order: the FTS matches drive, newest
    # first, and the loop stops after ``limit`` rows that pass the filters.
    sql = (
        "SELECT p.id, p.title, {rank}, p.content_type_id "  # noqa: S608
        f"FROM {fts} "
        f"CROSS JOIN {entry} AS e ON e.id = {fts}.rowid "
        f"CROSS JOIN {quote(Page._meta.db_table)} AS p "
        "ON p.id = CAST(e.object_id AS INTEGER) "
        f"WHERE {fts} MATCH %s "
        f"AND e.content_type_id IN ({in_types}) "
        f"AND {pages} "
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
