"""The news index's filters: region, topic, series, kind and year."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from psg.core import structure
from psg.news.models import NewsPage
from psg.news.tests.factories import NewsPageFactory
from psg.taxonomy.tests.factories import SeriesFactory, carrying

pytestmark = pytest.mark.django_db

LETTER = NewsPage.Kind.LETTER


@pytest.fixture
def newsroom(news_index):
    """Six items that differ in one way or another."""
    series = SeriesFactory(name="Letter from Cajamarca", slug="letter-from-cajamarca")
    SeriesFactory(name="Madre de Dios Diary", slug="madre-de-dios-diary")

    def item(title, date, kind=NewsPage.Kind.NEWS, regions=(), topics=(), **extra):
        page = NewsPageFactory(
            parent=news_index, title=title, date=date, kind=kind, **extra
        )
        return carrying(page, regions=regions, topics=topics)

    item(
        "Cajamarca letter 2024",
        datetime.date(2024, 3, 1),
        LETTER,
        ["cajamarca"],
        ["mining", "water"],
        series=series,
    )
    item("Cajamarca news 2024", datetime.date(2024, 5, 1), regions=["cajamarca"])
    item(
        "Cajamarca mining 2023",
        datetime.date(2023, 6, 1),
        regions=["cajamarca"],
        topics=["mining"],
    )
    item(
        "Puno letter 2024",
        datetime.date(2024, 2, 1),
        LETTER,
        ["puno"],
        ["mining"],
    )
    item(
        "Editorial 2022",
        datetime.date(2022, 1, 1),
        NewsPage.Kind.EDITORIAL,
        topics=["human-rights"],
    )
    item("Undated", None, regions=["cajamarca"])
    return series


def titles(response):
    return [item.title for item in response.context["items"]]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"region": "cajamarca"},
            [
                "Cajamarca news 2024",
                "Cajamarca letter 2024",
                "Cajamarca mining 2023",
                "Undated",
            ],
        ),
        (
            {"topic": "mining"},
            ["Cajamarca letter 2024", "Puno letter 2024", "Cajamarca mining 2023"],
        ),
        ({"series": "letter-from-cajamarca"}, ["Cajamarca letter 2024"]),
        ({"kind": "letter"}, ["Cajamarca letter 2024", "Puno letter 2024"]),
        (
            {"year": "2024"},
            ["Cajamarca news 2024", "Cajamarca letter 2024", "Puno letter 2024"],
        ),
        ({"year": "2022"}, ["Editorial 2022"]),
    ],
)
def test_each_filter_alone(client, newsroom, query, expected):
    response = client.get("/news/", query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["filters"].values == query
    assert response.context["filters"].notices == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            {"region": "cajamarca", "topic": "mining"},
            ["Cajamarca letter 2024", "Cajamarca mining 2023"],
        ),
        (
            {"region": "cajamarca", "topic": "mining", "year": "2024"},
            ["Cajamarca letter 2024"],
        ),
        (
            {"topic": "mining", "kind": "letter"},
            ["Cajamarca letter 2024", "Puno letter 2024"],
        ),
        (
            {
                "region": "cajamarca",
                "topic": "water",
                "series": "letter-from-cajamarca",
                "kind": "letter",
                "year": "2024",
            },
            ["Cajamarca letter 2024"],
        ),
        ({"region": "puno", "year": "2023"}, []),
    ],
)
def test_filters_combine(client, newsroom, query, expected):
    assert titles(client.get("/news/", query)) == expected


def test_active_filters_are_shown_with_a_way_to_remove_each(client, newsroom):
    response = client.get("/news/?region=cajamarca&topic=mining&year=2024")
    html = soup(response)
    assert "1 item matches these filters:" in html.get_text()
    active = {
        li.select_one(".tag").get_text(): li.a["href"]
        for li in html.select(".active-filters__list li")
    }
    assert active == {
        "Region: Cajamarca": "/news/?topic=mining&year=2024",
        "Topic: Mining": "/news/?region=cajamarca&year=2024",
        "Year: 2024": "/news/?region=cajamarca&topic=mining",
    }
    assert html.find("a", string="Clear filters")["href"] == "/news/"


def test_the_form_keeps_the_choices_made(client, newsroom):
    html = soup(client.get("/news/?region=cajamarca&kind=letter&year=2024"))
    form = html.select_one("form.filters--news")
    assert form["method"] == "get" and form["action"] == "/news/"
    assert form.find("button", type="submit").get_text() == "Filter"
    selected = {
        select["name"]: select.find("option", selected=True)
        for select in form.find_all("select")
    }
    assert selected["region"]["value"] == "cajamarca"
    assert selected["kind"]["value"] == "letter"
    assert selected["year"]["value"] == "2024"
    assert selected["topic"] is None and selected["series"] is None
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]}) is not None
    years = [o["value"] for o in form.find("select", attrs={"name": "year"})("option")]
    assert years == ["", "2024", "2023", "2022"]
    regions = [
        o.get_text() for o in form.find("select", attrs={"name": "region"})("option")
    ]
    assert regions[:3] == ["All regions", "Amazonas", "Áncash"]
    assert len(regions) == 27


def test_no_match_says_so_with_a_link_to_clear(client, newsroom):
    html = soup(client.get("/news/?region=tacna"))
    empty = html.select_one(".empty-state")
    assert "No news matches these filters." in empty.get_text()
    assert empty.a["href"] == "/news/"
    assert "0 items match these filters:" in html.get_text()


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ({"region": "atlantis"}, "There is no region “atlantis”, so it was left out."),
        ({"topic": "astrology"}, "There is no topic “astrology”, so it was left out."),
        ({"series": "nope"}, "There is no series “nope”, so it was left out."),
        ({"kind": "gossip"}, "There is no kind of news “gossip”, so it was left out."),
        ({"year": "abc"}, "“abc” is not a year, so the year was left out."),
        ({"year": "99999"}, "“99999” is not a year, so the year was left out."),
        ({"year": "-2024"}, "“-2024” is not a year, so the year was left out."),
        ({"year": "２０２４"}, "“２０２４” is not a year, so the year was left out."),
        ({"year": "1066"}, "“1066” is not a year, so the year was left out."),
    ],
)
def test_unknown_values_are_left_out_with_a_notice(client, newsroom, query, notice):
    response = client.get("/news/", query)
    assert response.status_code == 200
    assert len(titles(response)) == 6
    assert response.context["filters"].values == {}
    html = soup(response)
    assert html.select_one(".notice").get_text(strip=True) == notice


def test_a_known_filter_survives_beside_an_unknown_one(client, newsroom):
    response = client.get("/news/?region=cajamarca&topic=zzz&year=abc")
    assert len(titles(response)) == 4
    assert response.context["filters"].values == {"region": "cajamarca"}
    assert len(response.context["filters"].notices) == 2


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "\x00",
        "x" * 5000,
        "cajamarca/../../etc",
        "ca jamarca",
    ],
)
def test_hostile_values_are_escaped_and_ignored(client, newsroom, value):
    for name in ("region", "topic", "series", "kind", "year"):
        response = client.get("/news/", {name: value, "page": value})
        assert response.status_code == 200, name
        assert len(titles(response)) == 6
        body = response.content.decode()
        assert "<script>alert" not in body
        assert len(body) < 200_000


def test_the_last_of_repeated_values_counts(client, newsroom):
    response = client.get("/news/?region=puno&region=cajamarca")
    assert response.context["filters"].values == {"region": "cajamarca"}


def test_pagination_keeps_the_filters(client, news_index):
    for day in range(1, 13):
        carrying(
            NewsPageFactory(
                parent=news_index,
                title=f"Puno {day}",
                date=datetime.date(2024, 1, day),
                kind=LETTER,
            ),
            regions=["puno"],
        )
    NewsPageFactory(
        parent=news_index, title="Elsewhere", date=datetime.date(2024, 2, 1)
    )

    first = client.get("/news/?region=puno&kind=letter")
    next_link = soup(first).select_one('a[rel="next"]')["href"]
    assert next_link == "?region=puno&kind=letter&page=2"
    assert "Page 1 of 2" in first.content.decode()

    second = client.get("/news/" + next_link)
    assert titles(second) == ["Puno 2", "Puno 1"]
    html = soup(second)
    assert html.select_one('a[rel="prev"]')["href"] == "?region=puno&kind=letter&page=1"
    assert (
        html.find("link", rel="canonical")["href"]
        == "http://localhost/news/?region=puno&kind=letter&page=2"
    )
    out_of_range = client.get("/news/?region=puno&kind=letter&page=99")
    assert out_of_range.context["items"].number == 2


def test_filtered_news_is_publicly_cacheable(client, newsroom):
    response = client.get("/news/?region=cajamarca&year=abc")
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert b"csrfmiddlewaretoken" not in response.content


def test_the_series_route_still_works(client, newsroom):
    response = client.get("/news/series/letter-from-cajamarca/")
    assert response.status_code == 200
    assert titles(response) == ["Cajamarca letter 2024"]


def add_items(news_index, count, offset):
    for number in range(offset, offset + count):
        carrying(
            NewsPageFactory(
                parent=news_index,
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
                kind=LETTER,
            ),
            regions=["puno"],
            topics=["water"],
        )


def queries(client, url):
    """The queries of a view of ``url`` rendered whole (its kept parts
    dropped, as for the first reader after a publish)."""
    client.get(url)
    structure.forget_recent()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_filtered_listing_queries_do_not_grow_with_items(client, news_index):
    url = "/news/?region=puno&topic=water&kind=letter&year=2024"
    add_items(news_index, 2, 0)
    few = queries(client, url)
    add_items(news_index, 10, 2)
    assert queries(client, url) == few
