"""The ways the search reads each database's index, and keeping it tidy."""

import datetime
import io

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from psg.core.search_index import filter_term, page_year
from psg.news.models import NewsPage
from psg.search import engine
from psg.search.candidates import postgres
from psg.search.query import parse_query
from psg.taxonomy.tests.factories import region, topic

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL's plan choice"
)


def found(text, **params):
    results = engine.search(parse_query(text), engine.Filters(**params))
    return [hit.page.title for hit in results.hits], results


def test_a_page_indexes_its_regions_topics_and_year_as_filter_terms(make):
    page = make.news(
        "Water in Puno",
        "Text.",
        regions=["puno"],
        topics=["water"],
        date=datetime.date(2019, 5, 1),
    )
    terms = page.search_filter_terms().split()
    assert sorted(terms) == sorted(
        [
            filter_term("region", region("puno").pk),
            filter_term("topic", topic("water").pk),
            filter_term("year", 2019),
        ]
    )
    # A page type without regions, topics or a date has none.
    assert make.page("About", introduction="Text.").search_filter_terms() == ""


def test_an_event_is_filed_under_the_year_of_its_uk_date(make):
    event = make.event(
        "New Year talk",
        start=datetime.datetime(2021, 1, 1, 0, 30, tzinfo=datetime.UTC),
        end=datetime.datetime(2021, 1, 1, 2, 0, tzinfo=datetime.UTC),
    )
    assert page_year(event) == 2021


def test_filter_terms_are_never_matched_as_words(make):
    page = make.news("Tacna news", "Text.", regions=["tacna"])
    term = filter_term("region", region("tacna").pk)
    assert found(term)[0] == []
    assert found("tacna")[0] == [page.title]


@postgresql_only
def test_postgresql_reads_the_gin_indexes_in_windows_and_finds_what_a_walk_finds(
    make, settings, monkeypatch
):
    settings.PSG_SEARCH_SCORED_LIMIT = 2
    for number in range(30):
        word = "alpaca" if number in (3, 11, 17, 25) else "llama"
        make.news(f"Item {number}", f"The {word} grazes on the puna.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    # Windows of about one entry: the first finds fewer than the limit, so
    # the rest of the index is read too.
    monkeypatch.setattr(postgres, "POSTGRES_WINDOW_MARGIN", 0.1)
    with CaptureQueriesContext(connection) as queries:
        windowed, results = found("alpaca")
    sql = [query["sql"] for query in queries.captured_queries]
    assert any("set_config('enable_indexscan', 'off', true)" in text for text in sql)
    assert any("e.id > " in text for text in sql)
    assert any("e.id <= " in text for text in sql)
    assert results.capped and results.total == 2
    # Every entry checked in turn, newest first: the same pages.
    monkeypatch.setattr(postgres, "POSTGRES_WALK_SHARE", 0)
    with CaptureQueriesContext(connection) as queries:
        walked, _ = found("alpaca")
    assert not any(
        "enable_indexscan" in query["sql"] for query in queries.captured_queries
    )
    assert sorted(windowed) == sorted(walked) == ["Item 17", "Item 25"]


@postgresql_only
def test_postgresql_checks_a_phrase_among_the_pages_with_its_words_in_batches(
    make, settings, monkeypatch
):
    settings.PSG_SEARCH_SCORED_LIMIT = 3
    phrase = {2, 9, 14, 21, 26}
    for number in range(30):
        if number in phrase:
            text = "The vicuña herders asked for prior consultation."
        elif number % 2:
            # Both words, but not together: never a phrase match.
            text = "Consultation came first; the prior owners of the vicuña left."
        else:
            text = "A llama on the puna."
        make.news(f"Item {number}", text)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    # Tiny windows and batches: every window and several batches are read.
    monkeypatch.setattr(postgres, "POSTGRES_WINDOW_MARGIN", 0.1)
    monkeypatch.setattr(postgres, "POSTGRES_PHRASE_WIDENING", 1)
    monkeypatch.setattr(postgres, "POSTGRES_PHRASE_BATCH", 2)
    with CaptureQueriesContext(connection) as queries:
        checked, results = found('"prior consultation" vicuna')
    sql = [query["sql"] for query in queries.captured_queries]
    assert sum("::integer[])" in text for text in sql) >= 2
    assert any("ts_match_vq" in text for text in sql)
    assert results.capped and results.total == 3
    monkeypatch.setattr(postgres, "POSTGRES_WALK_SHARE", 0)
    walked, _ = found('"prior consultation" vicuna')
    assert sorted(checked) == sorted(walked) == ["Item 14", "Item 21", "Item 26"]
    # Every page holding the phrase, and none with its words apart.
    settings.PSG_SEARCH_SCORED_LIMIT = 500
    monkeypatch.setattr(postgres, "POSTGRES_WALK_SHARE", 0.3)
    every, results = found('"prior consultation"')
    assert sorted(every) == sorted(f"Item {n}" for n in phrase)
    assert not results.capped


@postgresql_only
def test_postgresql_walks_newest_first_when_most_entries_match(make, settings):
    settings.PSG_SEARCH_SCORED_LIMIT = 3
    for number in range(12):
        make.news(f"Puna {number}", "The puna is high and cold.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    with CaptureQueriesContext(connection) as queries:
        titles, results = found("puna")
    assert not any(
        "enable_indexscan" in query["sql"] for query in queries.captured_queries
    )
    assert results.capped
    assert sorted(titles) == ["Puna 10", "Puna 11", "Puna 9"]


def test_update_index_tidies_the_index_and_searches_still_work(make):
    make.news("Moquegua mine", "Copper in Moquegua.")
    out = io.StringIO()
    call_command("update_index", stdout=out)
    expected = {
        # FTS5's segments merged into one.
        "sqlite": "merged the full-text index's segments",
        # Tests run in a transaction, where VACUUM cannot: statistics only.
        "postgresql": "analysed the index table",
    }[connection.vendor]
    assert f"Search index: {expected}." in out.getvalue()
    assert found("moquegua")[0] == ["Moquegua mine"]


def test_building_the_whole_index_reads_regions_and_topics_with_the_pages(make):
    for number in range(3):
        make.news(
            f"Item {number}", "Text.", regions=["puno", "cusco"], topics=["water"]
        )
    pages = list(NewsPage.get_indexed_objects())
    with CaptureQueriesContext(connection) as queries:
        terms = [set(page.search_filter_terms().split()) for page in pages]
    assert len(queries) == 0
    wanted = {
        filter_term("region", region("puno").pk),
        filter_term("region", region("cusco").pk),
        filter_term("topic", topic("water").pk),
    }
    assert len(terms) == 3 and all(wanted <= page_terms for page_terms in terms)
