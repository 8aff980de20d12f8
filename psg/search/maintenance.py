"""Keeping the search index quick to read after large changes.

A full ``update_index`` writes the whole index in chunks, and both databases
leave it in a state that is slow to search until it is tidied:

- SQLite: every chunk becomes a separate FTS5 segment, and each search opens
  every segment; ``optimize`` merges them into one (figures in
  docs/benchmarks.md). Pages saved later add small segments that FTS5 merges by itself.
- PostgreSQL: new rows wait in the GIN indexes' pending lists, which every
  search reads in full, until a VACUUM moves them into the index proper
  (autovacuum does this eventually); ``VACUUM ANALYZE`` also refreshes the
  statistics the search uses to choose its plan (psg.search.candidates).
"""

from django.db import connection

from wagtail.search.models import IndexEntry


def compact_index():
    """Tidy the search index after a large update; returns what was done."""
    table = IndexEntry._meta.db_table
    quote = connection.ops.quote_name
    if connection.vendor == "sqlite":
        fts = f"{table}_fts"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [fts]
            )
            if cursor.fetchone() is None:  # SQLite built without FTS5
                return ""
            cursor.execute(
                f"INSERT INTO {quote(fts)} ({quote(fts)}) VALUES ('optimize')"  # noqa: S608
            )
        return "merged the full-text index's segments"
    if connection.vendor == "postgresql":
        if connection.in_atomic_block:  # VACUUM cannot run in a transaction
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {quote(table)}")
            return "analysed the index table"
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {quote(table)}")
        return "vacuumed and analysed the index table"
    return ""
