"""The matching pages for a search, straight from the index's tables: one
query path per database (docs/search.md)."""

from django.db import connection

from . import postgres, sqlite


def find(parsed, filters, limit):
    """At most ``limit`` (page id, title, rank, content type id) rows of
    matching pages, the newest in the index first; a higher rank is a better
    match."""
    if connection.vendor == "postgresql":
        return postgres.candidates(parsed, filters, limit)
    if connection.vendor == "sqlite":
        return sqlite.candidates(parsed, filters, limit)
    raise NotImplementedError(f"No site search for {connection.vendor}")
