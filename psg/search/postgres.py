"""Wagtail's PostgreSQL search backend, with accents folded (see
psg.search.backend).

Each text vector is made from the accent-folded text; the plain-text columns
(``title_text``, ``body_text``) keep the text as written, for the site
search's snippets and the admin's fuzzy matching. Before, each page indexed a
folded copy of its accented text beside the original, which doubled the text
vector of nearly every item (most mix English and Spanish) and with it the
work of checking phrases and ranking, while the original's accented words
were never matched, queries being folded.
"""

import types

from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Phrase, PlainText

from .text import strip_accents


class FoldingObjectIndexer(postgres.ObjectIndexer):
    """Makes each text vector from the accent-folded text."""

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(strip_accents(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


def _with_indexer(function, indexer):
    """``function`` of Wagtail's PostgreSQL module with the module's name
    ``ObjectIndexer`` bound to ``indexer``: ``add_items`` makes its indexers
    by that name, and has no other way to be given one."""
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
