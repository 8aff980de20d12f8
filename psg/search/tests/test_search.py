"""/search/: what a reader finds, in what order, and how it is shown."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from psg.search import engine
from psg.search.query import parse_query
from psg.taxonomy.tests.factories import region, topic

pytestmark = pytest.mark.django_db


def titles(response):
    return [hit.page.title for hit in response.context["results"].hits]


def found(text, **params):
    filters = engine.Filters(**params)
    return [hit.page.title for hit in engine.search(parse_query(text), filters).hits]


def test_the_search_page_finds_news_publications_events_and_pages(client, make):
    make.news("Rondas in Cajamarca", "The rondas campesinas patrol the hills.")
    make.publication("Cajamarca report", summary="Water and the Conga project.")
    make.event("Evening on Cajamarca", summary="A talk in London.")
    make.page("About us", introduction="We follow Cajamarca closely.")
    make.news("Lima elections", "Nothing about the north.")

    response = client.get("/search/", {"q": "cajamarca"})

    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "About us",
        "Cajamarca report",
        "Evening on Cajamarca",
        "Rondas in Cajamarca",
    ]
    html = response.content.decode()
    assert "4 results for “cajamarca”." in html
    for label in ("News", "Publication", "Event", "Page"):
        assert f'<span class="tag">{label}</span>' in html


def test_a_title_match_ranks_above_a_text_match(make):
    make.news(
        "Water and farming",
        "Huancavelica, Huancavelica and Huancavelica again: the word is everywhere "
        "in this text about Huancavelica.",
        teaser="Huancavelica in the teaser as well.",
    )
    make.news("Huancavelica", "A short piece.", teaser="Short.")
    make.news("Rivers", "One mention of Huancavelica.", teaser="Rivers.")

    assert found("huancavelica")[0] == "Huancavelica"


@pytest.mark.parametrize("query", ["apurimac", "Apurímac", "APURIMAC", "apurímac"])
def test_accents_and_capitals_do_not_matter(make, query):
    make.news("Protest in Apurímac", "Communities of Apurímac protest.")
    make.news("Letter from Apurimac", "Written without accents in Apurimac.")
    make.news("Puno", "Nothing here.")

    assert sorted(found(query)) == ["Letter from Apurimac", "Protest in Apurímac"]


def test_case_does_not_matter(make):
    make.news("Floods in Puno", "Lake Titicaca rose.")
    assert found("PUNO") == ["Floods in Puno"]
    assert found("puno") == ["Floods in Puno"]


def test_a_phrase_matches_the_words_together_not_apart(make):
    make.news("Together", "The law on consulta previa was passed in 2011.")
    make.news("Apart", "A consulta took place; no previa meeting was held.")

    assert found('"consulta previa"') == ["Together"]
    assert sorted(found("consulta previa")) == ["Apart", "Together"]


def test_an_accented_phrase_matches_without_accents(make):
    make.news("Ombudsman", "The Defensoría del Pueblo counted 200 conflicts.")
    assert found('"defensoria del pueblo"') == ["Ombudsman"]
    assert found('"Defensoría del Pueblo"') == ["Ombudsman"]


def test_english_word_forms_match(make):
    make.news("Informal mining", "Miners work the rivers of Madre de Dios.")
    assert found("mines") == ["Informal mining"]
    assert found("miner") == ["Informal mining"]


def test_every_word_must_appear(make):
    make.news("Water in Puno", "Lake levels fell.")
    make.news("Water in Cusco", "Glaciers retreat.")
    assert found("water puno") == ["Water in Puno"]


def test_filters_by_kind(make):
    make.news("Mining news", "Mining.")
    make.publication("Mining report", summary="Mining.")
    make.event("Mining talk", summary="Mining.")
    make.page("Mining page", introduction="Mining.")

    assert found("mining", kind="news") == ["Mining news"]
    assert found("mining", kind="publication") == ["Mining report"]
    assert found("mining", kind="event") == ["Mining talk"]
    assert found("mining", kind="page") == ["Mining page"]


def test_filters_by_region_topic_and_year_alone_and_combined(make):
    make.news(
        "A",
        "Water.",
        regions=["puno"],
        topics=["water"],
        date=datetime.date(2020, 3, 1),
    )
    make.news(
        "B",
        "Water.",
        regions=["puno"],
        topics=["mining"],
        date=datetime.date(2021, 3, 1),
    )
    make.news(
        "C",
        "Water.",
        regions=["cusco"],
        topics=["water"],
        date=datetime.date(2020, 7, 1),
    )
    make.publication(
        "D",
        summary="Water.",
        regions=["puno"],
        topics=["water"],
        date=datetime.date(2020, 1, 1),
    )
    make.event(
        "E",
        summary="Water.",
        regions=["puno"],
        topics=["water"],
        start=datetime.datetime(2020, 12, 31, 20, tzinfo=datetime.UTC),
        end=datetime.datetime(2020, 12, 31, 22, tzinfo=datetime.UTC),
    )
    make.page("F", introduction="Water.")
    puno, water = region("puno"), topic("water")

    assert sorted(found("water", region=puno)) == ["A", "B", "D", "E"]
    assert sorted(found("water", topic=water)) == ["A", "C", "D", "E"]
    assert sorted(found("water", year=2020)) == ["A", "C", "D", "E"]
    assert sorted(found("water", region=puno, topic=water, year=2020)) == [
        "A",
        "D",
        "E",
    ]
    assert found("water", region=puno, topic=water, year=2020, kind="news") == ["A"]
    assert found("water", region=puno, kind="page") == []


def test_filters_come_from_the_address_and_unknown_ones_are_left_out(client, make):
    make.news("Water in Puno", "Water.", regions=["puno"])
    make.news("Water in Cusco", "Water.", regions=["cusco"])

    response = client.get("/search/", {"q": "water", "region": "puno"})
    assert titles(response) == ["Water in Puno"]
    assert '<option value="puno" selected>' in response.content.decode()

    response = client.get(
        "/search/", {"q": "water", "region": "atlantis", "year": "9999", "kind": "x"}
    )
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Water in Cusco", "Water in Puno"]
    html = response.content.decode()
    assert "There is no region “atlantis”, so it was left out." in html
    assert "There is no kind “x”, so it was left out." in html


def test_sort_by_date_puts_the_newest_first(client, make):
    make.news("Old", "Quinoa.", date=datetime.date(2001, 1, 1))
    make.news("Quinoa", "Quinoa quinoa.", date=datetime.date(2010, 1, 1))
    make.news("New", "Quinoa.", date=datetime.date(2024, 1, 1))

    response = client.get("/search/", {"q": "quinoa", "sort": "date"})
    assert titles(response) == ["New", "Quinoa", "Old"]
    response = client.get("/search/", {"q": "quinoa"})
    assert titles(response)[0] == "Quinoa"


def test_ten_results_a_page_and_pages_out_of_range_clamp(client, make):
    for number in range(12):
        make.news(
            f"Glacier {number:02d}", "Ice.", date=datetime.date(2020, 1, number + 1)
        )

    first = client.get("/search/", {"q": "glacier", "sort": "date"})
    second = client.get("/search/", {"q": "glacier", "sort": "date", "page": "2"})
    beyond = client.get("/search/", {"q": "glacier", "sort": "date", "page": "99"})
    nonsense = client.get("/search/", {"q": "glacier", "sort": "date", "page": "x"})

    assert len(titles(first)) == 10
    assert titles(second) == ["Glacier 01", "Glacier 00"]
    assert titles(beyond) == titles(second)
    assert titles(nonsense) == titles(first)
    html = second.content.decode()
    assert "Page 2 of 2" in html
    assert 'href="?q=glacier&amp;sort=date&amp;page=1"' in html


def test_snippets_show_the_text_around_the_match_with_the_words_marked(client, make):
    opening = "Nothing to see at first. " * 12
    make.news(
        "Report from the north",
        opening + "Then the Conga project in Cajamarca was suspended. " + "More. " * 60,
        teaser="A report.",
    )

    response = client.get("/search/", {"q": "cajamarca conga"})
    hit = response.context["results"].hits[0]
    snippet = str(hit.snippet_html)
    assert (
        "<mark>Conga</mark> project in <mark>Cajamarca</mark> was suspended." in snippet
    )
    assert snippet.startswith("… ")
    assert len(re.sub(r"<[^>]+>", "", snippet)) < 320
    assert snippet in response.content.decode()


def test_titles_and_text_are_shown_as_text_never_as_html(client, make):
    make.news(
        "<script>alert('title')</script> Tacna",
        "",
        teaser="<script>alert('teaser')</script> in Tacna <b>bold</b>",
    )

    html = client.get("/search/", {"q": "tacna"}).content.decode()

    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; <mark>Tacna</mark>"
        in html
    )
    assert (
        "&lt;script&gt;alert(&#x27;teaser&#x27;)&lt;/script&gt; in "
        "<mark>Tacna</mark> &lt;b&gt;bold&lt;/b&gt;"
    ) in html


def test_the_empty_search_shows_the_form_and_a_hint(client, make):
    make.news("Puno", "Text.")
    response = client.get("/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<input id="search-q" type="search" name="q" value=""' in html
    assert "Type a word or two above" in html
    assert response.context["results"].hits == []


# The queries of a search page with results on this test's site (the search,
# its hits, their pages and terms; PostgreSQL's search asks a few more than
# SQLite's): hostile input must not make them grow without bound.
MAX_SEARCH_QUERIES = 16
HOSTILE = [
    ("", "Type a word or two above"),
    ("!!! ??? ...", "There is nothing to search for in what you typed"),
    ("x" * 10_000, "Your search was cut to its first 200 characters."),
    ("puno " * 2000, "Your search was cut to its first 200 characters."),
    ("'; DROP TABLE wagtailcore_page; --", "results for"),
    ("1' OR '1'='1", "results for"),
    ("water AND mine OR NOT NEAR", "Words such as AND, OR and NOT are not needed"),
    ("NEAR(water mine, 2)", "results for"),
    ("water* ^mine title:puno (a OR b) -c", "results for"),
    ('"unbalanced quote', "results for"),
    ('"""', "There is nothing to search for"),
    ("\x00\x1f%00", "results for"),
    ("%", "There is nothing to search for"),
    ("the", "result"),
    ("<script>alert(1)</script>", "results for"),
]


@pytest.mark.parametrize(("query", "message"), HOSTILE)
def test_hostile_searches_answer_with_a_clear_page_and_bounded_work(
    client, make, query, message, django_assert_max_num_queries
):
    """Whatever is typed, the answer is a page saying what happened, made
    with the queries of an ordinary search (no query per word or per
    character; speed itself is for bench/search.py and bench/highlight.py)."""
    make.news("Water and mining in Puno", "The mine took the water.")
    with django_assert_max_num_queries(MAX_SEARCH_QUERIES):
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()


def test_hostile_filters_and_pages_answer_200(client, make):
    make.news("Water in Puno", "Water.")
    response = client.get(
        "/search/",
        {
            "q": "water",
            "region": "' OR 1=1 --",
            "topic": "x" * 5000,
            "year": "-1",
            "sort": "random()",
            "page": "-5",
        },
    )
    assert response.status_code == 200
    assert titles(response) == ["Water in Puno"]


def test_anonymous_search_pages_are_cacheable(client, make):
    make.news("Water in Puno", "Water.")
    response = client.get("/search/", {"q": "water"})
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_site_header_has_a_search_form(client, home_page):
    html = client.get("/").content.decode()
    assert '<form class="site-search" method="get" action="/search/"' in html


def test_query_count_does_not_grow_with_the_results(client, make):
    def count(params):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", params)
        assert response.status_code == 200
        return len(queries), len(titles(response))

    for number in range(2):
        make.news(f"Lithium {number}", "Lithium.")
    # The first view makes the site's settings and caches its root paths.
    client.get("/search/", {"q": "lithium"})
    few = count({"q": "lithium"})
    few_dated = count({"q": "lithium", "sort": "date"})
    for number in range(2, 12):
        make.news(f"Lithium {number}", "Lithium.")
    many = count({"q": "lithium"})
    many_dated = count({"q": "lithium", "sort": "date"})

    assert (few[1], many[1]) == (2, 10)
    assert few[0] == many[0]
    assert few_dated[0] == many_dated[0] == many[0] + 1  # the dates to sort by
    # Each kind of page on the list is one query more, four kinds at most.
    make.publication("Lithium report", summary="Lithium.")
    make.event("Lithium talk", summary="Lithium.")
    make.page("Lithium page", introduction="Lithium.")
    mixed = count({"q": "lithium", "sort": "date", "page": "2"})
    assert mixed[0] <= many_dated[0] + 3


def test_more_matches_than_the_scored_limit_are_capped(client, make, settings):
    settings.PSG_SEARCH_SCORED_LIMIT = 3
    for number in range(5):
        make.news(f"Quechua {number}", "Quechua.")
    response = client.get("/search/", {"q": "quechua"})
    results = response.context["results"]
    assert results.capped and results.total == 3
    assert "More than 3 results" in response.content.decode()
    # The newest matches are the ones ranked.
    assert sorted(titles(response)) == ["Quechua 2", "Quechua 3", "Quechua 4"]


def test_drafts_and_private_pages_are_not_found(make):
    make.news("Draft on Tumbes", "Tumbes.", live=False)
    private = make.page("Members on Tumbes", introduction="Tumbes.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make.news("Public on Tumbes", "Tumbes.")

    assert found("tumbes") == ["Public on Tumbes"]


def test_the_database_is_the_one_asked_for():
    # Documents which engine this run covered (SQLite FTS5 or PostgreSQL).
    assert connection.vendor in ("sqlite", "postgresql")


def test_past_the_limit_a_title_match_still_comes_first(make, settings):
    settings.PSG_SEARCH_SCORED_LIMIT = 3
    make.news("Older", "Ayacucho.")
    make.news("Ayacucho water", "Text.")
    make.news("Newer", "Ayacucho.")
    make.news("Newest", "Ayacucho.")
    assert found("ayacucho") == ["Ayacucho water", "Newest", "Newer"]
