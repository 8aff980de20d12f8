"""Region and topic pages: everything that carries a term, newest first."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from psg.core import structure
from psg.events.tests.factories import EventPageFactory
from psg.home.models import HomePage
from psg.news.models import NewsPage
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import (
    PublicationFileFactory,
    PublicationPageFactory,
)
from psg.standard_pages.models import StandardPage
from psg.taxonomy.models import RegionIndexPage, TopicIndexPage

from .factories import carrying, region

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response):
    return [item.title for item in response.context["items"]]


def at(year, month, day, hour=18):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def cajamarca_items(sections):
    """Items of every kind about Cajamarca and mining, and some that are not."""
    news, publications, events = (
        sections["news"],
        sections["publications"],
        sections["events"],
    )
    carrying(
        NewsPageFactory(
            parent=news, title="Rondas in court", date=datetime.date(2024, 5, 1)
        ),
        regions=["cajamarca"],
        topics=["mining"],
    )
    carrying(
        PublicationPageFactory(
            parent=publications,
            title="Conga report",
            date=datetime.date(2024, 6, 1),
        ),
        regions=["cajamarca"],
        topics=["water"],
    )
    carrying(
        EventPageFactory(
            parent=events,
            title="Talk on Cajamarca",
            start=at(2024, 7, 1),
            end=at(2024, 7, 1, 20),
        ),
        regions=["cajamarca", "puno"],
    )
    carrying(
        NewsPageFactory(parent=news, title="Undated letter", date=None),
        regions=["cajamarca"],
    )
    carrying(
        NewsPageFactory(parent=news, title="Puno lake", date=datetime.date(2024, 8, 1)),
        regions=["puno"],
        topics=["mining"],
    )
    draft = carrying(
        NewsPageFactory(parent=news, title="Draft about Cajamarca"),
        regions=["cajamarca"],
    )
    draft.unpublish()
    private = carrying(
        NewsPageFactory(parent=news, title="Members only Cajamarca"),
        regions=["cajamarca"],
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


def test_region_page_lists_every_kind_carrying_the_region_newest_first(
    client, region_index, cajamarca_items
):
    response = client.get("/regions/cajamarca/")

    assert response.status_code == 200
    assert listed_titles(response) == [
        "Talk on Cajamarca",
        "Conga report",
        "Rondas in court",
        "Undated letter",
    ]
    assert response.context["region"] == region("cajamarca")
    assert "region_map" not in response.context  # the map is the index's alone
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Cajamarca"
    kinds = [p.get_text(strip=True) for p in html.select(".term-item__kind")]
    assert kinds == ["Event", "Publication", "News", "News"]
    assert "4 items" in html.get_text()
    links = {a["href"] for a in html.select(".listing-item__title a")}
    assert "/events/talk-on-cajamarca/" in links
    assert "Puno lake" not in response.content.decode()


def test_topic_page_lists_every_kind_carrying_the_topic(
    client, topic_index, cajamarca_items
):
    response = client.get("/topics/mining/")

    assert response.status_code == 200
    assert listed_titles(response) == ["Puno lake", "Rondas in court"]
    assert response.context["topic"].slug == "mining"
    assert "region" not in response.context
    assert "topics" not in response.context
    h1 = soup(response).h1
    assert h1.get_text(" ", strip=True) == "Mining (Minería)"
    assert h1.find("span", lang="es").get_text() == "(Minería)"


def test_spanish_name_shown_only_where_it_differs(client, region_index):
    html = soup(client.get("/regions/lima-province/"))
    assert html.h1.get_text(" ", strip=True) == "Lima Province (Lima Metropolitana)"
    assert "Capital: Lima" in html.get_text()
    assert soup(client.get("/regions/cusco/")).h1.find("span") is None


def test_term_page_shows_the_description_and_an_empty_state(client, region_index):
    cusco = region("cusco")
    cusco.description = "The old Inca capital and the Espinar mines."
    cusco.save()
    html = soup(client.get("/regions/cusco/")).get_text()
    assert "The old Inca capital and the Espinar mines." in html
    assert "Nothing about Cusco has been published yet." in html


def test_unknown_term_is_a_404(client, region_index, topic_index):
    assert client.get("/regions/atlantis/").status_code == 404
    assert client.get("/topics/astrology/").status_code == 404
    assert client.get("/regions/cajamarca/extra/").status_code == 404


@pytest.mark.parametrize(
    ("value", "number"),
    [("2", 2), ("abc", 1), ("", 1), ("0", 2), ("-3", 2), ("999", 2), ("9" * 40, 2)],
)
def test_term_page_numbers_clamp(client, region_index, sections, value, number):
    for day in range(1, 15):
        carrying(
            NewsPageFactory(parent=sections["news"], date=datetime.date(2020, 1, day)),
            regions=["puno"],
        )
    response = client.get("/regions/puno/", {"page": value})
    assert response.status_code == 200
    assert response.context["items"].number == number
    assert len(response.context["items"]) == (12 if number == 1 else 2)


def test_pagination_links_and_canonical(client, region_index, sections):
    for day in range(1, 15):
        carrying(
            NewsPageFactory(parent=sections["news"], date=datetime.date(2020, 1, day)),
            regions=["puno"],
        )
    html = soup(client.get("/regions/puno/"))
    assert html.select_one('a[rel="next"]')["href"] == "?page=2"
    canonical = soup(client.get("/regions/puno/?page=2")).find("link", rel="canonical")
    assert canonical["href"] == "http://localhost/regions/puno/?page=2"


def test_term_pages_are_publicly_cacheable(client, region_index, topic_index):
    for url in ("/regions/", "/regions/cusco/", "/topics/", "/topics/water/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "public" in response["Cache-Control"], url


def test_tags_on_pages_link_to_their_term_pages(
    client, region_index, topic_index, sections
):
    news = carrying(
        NewsPageFactory(parent=sections["news"]),
        regions=["cajamarca"],
        topics=["mining"],
    )
    publication = carrying(
        PublicationPageFactory(parent=sections["publications"]), regions=["puno"]
    )
    event = carrying(
        EventPageFactory(parent=sections["events"]), topics=["forced-sterilisations"]
    )
    links = {
        news.url: {"/regions/cajamarca/": "Cajamarca", "/topics/mining/": "Mining"},
        publication.url: {"/regions/puno/": "Puno"},
        event.url: {"/topics/forced-sterilisations/": "Forced sterilisations"},
    }
    for url, expected in links.items():
        tags = soup(client.get(url)).select(".terms a.tag")
        assert {tag["href"]: tag.get_text() for tag in tags} == expected, url


def test_tags_stay_plain_text_without_index_pages(client, sections):
    news = carrying(NewsPageFactory(parent=sections["news"]), regions=["cajamarca"])
    html = soup(client.get(news.url))
    assert html.select(".terms a") == []
    assert html.select_one(".terms span.tag").get_text() == "Cajamarca"


def test_topic_index_lists_every_topic_with_its_count(
    client, topic_index, cajamarca_items
):
    html = soup(client.get("/topics/"))
    rows = {
        li.a.get_text(): li.select_one(".term-list__count").get_text()
        for li in html.select(".term-list__item")
    }
    assert len(rows) == 13
    assert rows["Mining"] == "2 items"
    assert rows["Water"] == "1 item"
    assert rows["Gender"] == "0 items"
    assert html.find("a", string="Mining")["href"] == "/topics/mining/"


def add_mixed_items(sections, count, offset):
    for number in range(offset, offset + count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=number)
        kind = number % 3
        if kind == 0:
            page = NewsPageFactory(parent=sections["news"], date=day)
        elif kind == 1:
            page = PublicationPageFactory(parent=sections["publications"], date=day)
            PublicationFileFactory(publication=page)
        else:
            start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
            page = EventPageFactory(parent=sections["events"], start=start)
        carrying(page, regions=["ayacucho"], topics=["justice-and-memory"])


def count_queries(client, url):
    client.get(url)
    structure.forget_recent()  # the render's queries, as after a publish
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/regions/ayacucho/", "/topics/justice-and-memory/", "/topics/"]
)
def test_term_page_queries_do_not_grow_with_items(
    client, region_index, topic_index, sections, url
):
    # One of each kind, then a full page of twelve: one query per kind at most.
    add_mixed_items(sections, 3, 0)
    few = count_queries(client, url)
    add_mixed_items(sections, 30, 3)
    full = count_queries(client, url)
    assert full == few


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (RegionIndexPage, HomePage, True),
        (TopicIndexPage, HomePage, True),
        (RegionIndexPage, StandardPage, False),
        (NewsPage, RegionIndexPage, False),
        (StandardPage, TopicIndexPage, False),
    ],
)
def test_index_pages_live_only_under_the_home_page(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_only_one_of_each_index(home_page, region_index, topic_index):
    assert not RegionIndexPage.can_create_at(home_page)
    assert not TopicIndexPage.can_create_at(home_page)


def test_editor_creates_the_region_index_in_the_admin(admin_client, home_page):
    response = admin_client.post(
        f"/admin/pages/add/taxonomy/regionindexpage/{home_page.pk}/",
        {
            "title": "Regions",
            "slug": "regions",
            "intro": "Follow a region.",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    page = RegionIndexPage.objects.get()
    assert page.live and page.intro == "Follow a region."
