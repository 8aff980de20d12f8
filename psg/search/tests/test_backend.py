"""The site's search backend: accents folded in PostgreSQL's index, the text
kept as written for snippets, and Wagtail's own search (the admin's) folding
its queries the same way."""

import hashlib
import inspect

import pytest
from modelsearch.backends.database.postgres import postgres

from django.db import connection

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import Phrase

from psg.news.models import NewsPage
from psg.search import engine
from psg.search.backend import FoldingIndex, FoldingObjectIndexer
from psg.search.query import parse_query

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL's text vectors"
)


def entry_of(page):
    return IndexEntry.objects.get(object_id=str(page.pk))


def lexemes(column, entry_id):
    """The lexemes of one text vector column of an index entry."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT unnest(tsvector_to_array({column})) "  # noqa: S608
            "FROM wagtailsearch_indexentry WHERE id = %s",
            [entry_id],
        )
        return {row[0] for row in cursor.fetchall()}


def test_the_backend_is_the_folding_one_on_postgresql_and_wagtails_on_sqlite():
    backend = get_search_backend()
    name = type(backend).__name__
    if connection.vendor == "postgresql":
        assert name == "FoldingPostgresSearchBackend"
        assert type(backend.get_index_for_model(NewsPage)).__name__ == "FoldingIndex"
        assert backend.config == "english"
    else:
        assert name == "SQLiteSearchBackend"


# The source of modelsearch's PostgresIndex.add_items that FoldingIndex
# rebinds (modelsearch 1.3.2).
ADD_ITEMS_SHA256 = "62bf7488351e386482f9e20db0670c3064185250ef816c71584afef14fcb079e"


def test_the_library_function_the_folding_index_rebinds_is_the_one_it_was_written_for():
    source = inspect.getsource(postgres.PostgresIndex.add_items)
    assert hashlib.sha256(source.encode()).hexdigest() == ADD_ITEMS_SHA256, (
        "modelsearch's PostgresIndex.add_items has changed. psg/search/backend.py "
        "rebuilds it with its global ObjectIndexer bound to the folding indexer: "
        "check that it still makes its indexers through that name (or use an "
        "extension point if the new version has one), then update ADD_ITEMS_SHA256."
    )
    rebound = FoldingIndex.add_items
    assert rebound.__code__ is postgres.PostgresIndex.add_items.__code__
    assert rebound.__globals__["ObjectIndexer"] is FoldingObjectIndexer


@postgresql_only
def test_postgresql_vectors_hold_folded_words_and_the_text_is_kept_as_written(make):
    page = make.news(
        "Protesta en Apurímac",
        "Los comuneros de Chumbivilcas exigen diálogo.",
        teaser="Minería y consulta.",
    )
    entry = entry_of(page)
    title = lexemes("title", entry.pk)
    body = lexemes("body", entry.pk)
    assert "apurimac" in title
    assert "apurímac" not in title
    assert {"dialogo", "mineria"} <= body
    assert not {"diálogo", "minería"} & body
    # One copy of each word: "dialogo" is at one position, not two.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT positions FROM unnest((SELECT body FROM wagtailsearch_indexentry "
            "WHERE id = %s)) WHERE lexeme = 'dialogo'",
            [entry.pk],
        )
        assert len(cursor.fetchone()[0]) == 1
    # The plain text, for snippets and fuzzy matching, keeps its accents.
    assert "Apurímac" in entry.title_text
    assert "diálogo" in entry.body_text
    assert "Minería" in entry.body_text


def test_a_snippet_shows_the_text_with_its_accents(make):
    make.news("Diálogo", "Los comuneros de Chumbivilcas exigen diálogo en Cusco.")
    results = engine.search(parse_query("dialogo"))
    (hit,) = results.hits
    assert "<mark>diálogo</mark>" in hit.snippet_html
    assert hit.title_html == "<mark>Diálogo</mark>"


@pytest.mark.parametrize("query", ["Apurímac", "apurimac", "APURÍMAC"])
def test_wagtails_own_search_folds_the_query_too(make, query):
    accented = make.news("Protesta en Apurímac", "Comuneros.")
    plain = make.news("Letter from Apurimac", "Written without accents.")
    found = NewsPage.objects.search(query)
    assert {page.pk for page in found} == {accented.pk, plain.pk}
    phrase = NewsPage.objects.search(Phrase(f"en {query}"))
    assert [page.pk for page in phrase] == [accented.pk]


def test_wagtails_autocomplete_folds_the_query_too(make):
    page = make.news("Protesta en Apurímac", "Comuneros.")
    for query in ("apurim", "Apurím"):
        assert [found.pk for found in NewsPage.objects.autocomplete(query)] == [page.pk]
