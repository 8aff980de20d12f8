"""The site's search backend: Wagtail's database backend, folding accents on
PostgreSQL.

PostgreSQL's text search parser keeps accents ("apurímac" and "apurimac" are
different lexemes) and the ``unaccent`` extension cannot be assumed on every
host. So on PostgreSQL the text vectors of the index (title, text,
autocomplete) are made from the accent-folded text, and every query is folded
the same way: the site search's own (psg.search.query) and the admin's
(psg.search.postgres). SQLite's FTS5 tokenizer folds accents itself: there
the backend is Wagtail's own.

Changing backend or fold rules needs ``manage.py update_index``.
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from django.db import connection


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        # Imported here: it needs PostgreSQL's Django extras, which an
        # SQLite-only site never loads.
        from .postgres import FoldingPostgresSearchBackend

        return FoldingPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
