"""Page-number pagination: 20 a page by default, page_size up to 100."""

import datetime

import pytest

from psg.news.tests.factories import NewsPageFactory
from psg.taxonomy.tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_news(news_index):
    """25 news items, newest first: "Item 24" … "Item 0"; the even ones in Puno."""
    pages = []
    for number in range(25):
        page = NewsPageFactory(
            parent=news_index,
            title=f"Item {number}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
        if number % 2 == 0:
            page.regions.add(region("puno"))
            page.save()
        pages.append(page)
    return pages


def titles(data):
    return [item["title"] for item in data["results"]]


def test_twenty_a_page_by_default_with_links_to_the_next_and_previous(
    client, many_news
):
    first = client.get("/api/v1/news/").json()
    assert first["count"] == 25
    assert titles(first) == [f"Item {number}" for number in range(24, 4, -1)]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/news/?page=2"

    second = client.get(first["next"]).json()
    assert titles(second) == [f"Item {number}" for number in range(4, -1, -1)]
    assert second["previous"] == "http://testserver/api/v1/news/"
    assert second["next"] is None


def test_page_size_and_filters_carry_into_the_links(client, many_news):
    data = client.get("/api/v1/news/?region=puno&page_size=5&page=2").json()
    assert data["count"] == 13
    assert titles(data) == [f"Item {number}" for number in range(14, 4, -2)]
    assert data["previous"] == (
        "http://testserver/api/v1/news/?page_size=5&region=puno"
    )
    assert data["next"] == (
        "http://testserver/api/v1/news/?page=3&page_size=5&region=puno"
    )
    last = client.get(data["next"]).json()
    assert titles(last) == ["Item 4", "Item 2", "Item 0"]
    assert last["next"] is None


def test_a_hundred_a_page_at_most(client, many_news):
    data = client.get("/api/v1/news/?page_size=100").json()
    assert len(data["results"]) == 25 and data["next"] is None
    response = client.get("/api/v1/news/?page_size=1000")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "page_size": ["Give a whole number from 1 to 100."]
    }


def test_a_page_past_the_last_is_a_404_that_names_the_last(client, many_news):
    response = client.get("/api/v1/news/?page=3")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no page 3: the last page is 2."}
    huge = client.get("/api/v1/news/?page=" + "9" * 40)
    assert huge.status_code == 404


def test_an_empty_listing_has_one_empty_page(client, news_index):
    data = client.get("/api/v1/news/").json()
    assert data == {"count": 0, "next": None, "previous": None, "results": []}
    assert client.get("/api/v1/news/?page=2").status_code == 404
