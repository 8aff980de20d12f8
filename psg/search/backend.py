"""The site's search backend: Wagtail's database backend, folding accents on
PostgreSQL.

PostgreSQL's text search parser keeps accents ("apurímac" and "apurimac" are
different lexemes) and the ``unaccent`` extension cannot be assumed on every
host. So on PostgreSQL each text vector of the index (title, text,
autocomplete) is made from the accent-folded text and every query is folded
the same way; the plain-text columns keep the text as written, for snippets.
SQLite's FTS5 tokenizer folds accents itself: there the backend is Wagtail's
own. Changing backend or fold rules needs ``manage.py update_index``
(docs/search.md).
"""

import types

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Phrase, PlainText

from django.db import connection

from .text import strip_accents


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        return FoldingPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)


class FoldingObjectIndexer(postgres.ObjectIndexer):
    """Makes each text vector from the accent-folded text."""

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(strip_accents(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


def _with_indexer(function, indexer):
    """``function`` of Wagtail's PostgreSQL module with the module's name
    ``ObjectIndexer`` bound to ``indexer``: ``add_items`` makes its indexers
    by that name and offers no other way to be given one (no indexer class
    setting or hook in modelsearch 1.3). A test pins the function's source,
    so an upgrade that changes it fails loudly."""
    return types.FunctionType(
        function.__code__,
        {**function.__globals__, "ObjectIndexer": indexer},
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )


class FoldingIndex(postgres.PostgresIndex):
    add_items = _with_indexer(postgres.PostgresIndex.add_items, FoldingObjectIndexer)


def folded_query(query):
    """``query`` (a node of Wagtail's search query tree) with the text of a
    plain-text or phrase node folded; other nodes as they are (their leaves
    are folded as the compiler reaches them)."""
    if isinstance(query, PlainText):
        return PlainText(
            strip_accents(query.query_string),
            operator=query.operator,
            boost=query.boost,
        )
    if isinstance(query, Phrase):
        return Phrase(strip_accents(query.query_string))
    return query


class FoldingCompilerMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(
            folded_query(query), config=config, invert=invert
        )


class QueryCompiler(FoldingCompilerMixin, postgres.PostgresSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(
    FoldingCompilerMixin, postgres.PostgresAutocompleteQueryCompiler
):
    pass


class FoldingPostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = FoldingIndex
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
