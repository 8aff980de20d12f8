"""The map of Peru's regions at /regions/ and, small, on the home page."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.taxonomy.activity import region_activity, twelve_months_before
from psg.taxonomy.models import Region
from psg.taxonomy.region_map import TILES, shades_for

from .factories import carrying

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def activity(sections):
    """Cajamarca: 2 news, 1 publication, 1 upcoming event in the last year,
    plus an old item, a draft and a private one that must not count.
    Puno: 1 recent news item (shared with Cajamarca's region list)."""
    news, publications, events = (
        sections["news"],
        sections["publications"],
        sections["events"],
    )
    carrying(NewsPageFactory(parent=news, date=days_ago(3)), regions=["cajamarca"])
    carrying(
        NewsPageFactory(parent=news, date=days_ago(300)),
        regions=["cajamarca", "puno"],
    )
    carrying(
        PublicationPageFactory(parent=publications, date=days_ago(30)),
        regions=["cajamarca"],
    )
    carrying(EventPageFactory(parent=events), regions=["cajamarca"])  # in 10 days
    carrying(NewsPageFactory(parent=news, date=days_ago(400)), regions=["cajamarca"])
    carrying(
        EventPageFactory(
            parent=events, start=timezone.now() - datetime.timedelta(days=500)
        ),
        regions=["cajamarca"],
    )
    draft = carrying(
        NewsPageFactory(parent=news, date=days_ago(2)), regions=["cajamarca"]
    )
    draft.unpublish()
    private = carrying(
        NewsPageFactory(parent=news, date=days_ago(2)), regions=["cajamarca"]
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


def tile_counts(html):
    """{region page: accessible name} for every shape on the map."""
    return {link["href"]: link["aria-label"] for link in html.select("svg a")}


def table_counts(html):
    rows = html.select(".region-map__table tbody tr")
    return {row.th.a["href"]: int(row.td.get_text()) for row in rows}


def test_the_map_shows_all_26_regions_each_linking_to_its_page(
    client, region_index, activity
):
    html = soup(client.get("/regions/"))

    tiles = tile_counts(html)
    assert len(tiles) == 26 == Region.objects.in_language().count()
    assert set(tiles) == {f"/regions/{slug}/" for slug in TILES}
    assert tiles["/regions/cajamarca/"] == "Cajamarca, CAJ: 4 items"
    assert tiles["/regions/puno/"] == "Puno, PUN: 1 item"
    assert tiles["/regions/tacna/"] == "Tacna, TAC: 0 items"
    for link in html.select("svg a"):
        # The name holds the code written on the square.
        assert link.select_one("text").get_text() in link["aria-label"]
        assert link.rect is not None
    for slug in TILES:
        assert client.get(f"/regions/{slug}/").status_code == 200, slug


def test_the_table_has_the_same_counts(client, region_index, activity):
    html = soup(client.get("/regions/"))
    table = html.select_one(".region-map__table table")
    assert "last 12 months" in table.caption.get_text()
    assert [th["scope"] for th in table.thead.select("th")] == ["col", "col"]
    assert all(row.th["scope"] == "row" for row in table.tbody.select("tr"))
    counts = table_counts(html)
    tiles = tile_counts(html)
    assert set(counts) == set(tiles)
    for href, name in tiles.items():
        assert name.split(": ")[1].split(" ")[0] == str(counts[href]), href
    printed = {
        tile.a["href"]: tile.select("text")[-1].get_text()
        for tile in html.select("svg g")
    }
    assert printed == {href: str(count) for href, count in counts.items()}
    names = [row.th.get_text() for row in table.tbody.select("tr")]
    assert names[:3] == ["Amazonas", "Áncash", "Apurímac"]  # accents sort as letters


def test_the_shades_have_a_legend_and_darken_with_the_count(
    client, region_index, activity
):
    html = soup(client.get("/regions/"))
    legend = [li.get_text(strip=True) for li in html.select(".region-map__legend li")]
    assert legend == ["0", "1", "2", "3", "4"]
    fills = {link["href"]: link.rect["fill"] for link in html.select("svg a")}
    assert fills["/regions/cajamarca/"] == "#8a1a1d"
    assert fills["/regions/puno/"] == "#f5d5cf"
    assert fills["/regions/tacna/"] == "#f6f3ef"
    assert "Tile map drawn by the Peru Support Group" in html.get_text()


def test_legend_steps_cover_every_count():
    assert [s.label for s in shades_for(0)] == ["0"]
    assert [s.label for s in shades_for(2)] == ["0", "1", "2"]
    assert [s.label for s in shades_for(11)] == ["0", "1–3", "4–6", "7–9", "10–11"]
    assert [s.label for s in shades_for(400)] == [
        "0",
        "1–100",
        "101–200",
        "201–300",
        "301–400",
    ]


def test_twelve_months_back_from_a_leap_day():
    assert twelve_months_before(datetime.date(2024, 2, 29)) == datetime.date(
        2023, 2, 28
    )
    assert twelve_months_before(datetime.date(2025, 6, 3)) == datetime.date(2024, 6, 3)


def test_counts_are_one_aggregate_query_then_cached(sections, activity):
    with CaptureQueriesContext(connection) as queries:
        first = region_activity()
    # The private sections, then every region's counts at once.
    assert len(queries) == 2
    assert {row["slug"]: row["count"] for row in first}["cajamarca"] == 4
    with CaptureQueriesContext(connection) as queries:
        assert region_activity() == first
    assert len(queries) == 0


def test_publishing_an_item_refreshes_the_cached_counts(client, region_index, sections):
    assert tile_counts(soup(client.get("/regions/")))["/regions/ica/"] == (
        "Ica, ICA: 0 items"
    )
    item = NewsPageFactory(parent=sections["news"], date=days_ago(1))
    item.regions.add(Region.objects.in_language().get(slug="ica"))
    # Saved without publishing: the cached counts stand.
    item.save()
    assert tile_counts(soup(client.get("/regions/")))["/regions/ica/"] == (
        "Ica, ICA: 0 items"
    )
    item.save_revision().publish()
    assert tile_counts(soup(client.get("/regions/")))["/regions/ica/"] == (
        "Ica, ICA: 1 item"
    )
    item.unpublish()
    assert tile_counts(soup(client.get("/regions/")))["/regions/ica/"] == (
        "Ica, ICA: 0 items"
    )


def map_queries(client, url):
    """Queries for ``url`` with the map's counts not yet cached."""
    client.get(url)  # settings rows made on first use
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/regions/", "/"])
def test_map_queries_do_not_grow_with_items_or_regions(
    client, region_index, sections, url
):
    for slug in ("cusco", "puno"):
        carrying(NewsPageFactory(parent=sections["news"], date=days_ago(5)), [slug])
    few = map_queries(client, url)
    for slug in list(TILES)[:12]:
        carrying(NewsPageFactory(parent=sections["news"], date=days_ago(5)), [slug])
        carrying(
            PublicationPageFactory(parent=sections["publications"], date=days_ago(9)),
            [slug],
        )
    assert map_queries(client, url) == few


def test_the_home_page_has_the_small_map(client, region_index, activity):
    html = soup(client.get("/"))
    section = html.select_one(".region-map--compact")
    assert section is not None
    assert tile_counts(section)["/regions/cajamarca/"] == "Cajamarca, CAJ: 4 items"
    assert section.select_one("details summary") is not None
    assert table_counts(section)["/regions/cajamarca/"] == 4
    assert section.find("a", string="All regions")["href"] == "/regions/"


def test_no_map_on_the_home_page_without_a_region_index(client, activity):
    assert soup(client.get("/")).select_one(".region-map") is None


def test_map_pages_load_nothing_from_other_hosts(client, region_index, activity):
    for url in ("/", "/regions/"):
        html = soup(client.get(url))
        scripts = html.find_all("script")
        assert all(s.get("type") == "application/ld+json" for s in scripts), url
        sources = [tag["src"] for tag in html.find_all(src=True)]
        sources += [tag["href"] for tag in html.find_all("link", href=True)]
        sources += [tag["href"] for tag in html.select("svg [href]")]
        external = [
            src
            for src in sources
            if src.startswith(("http:", "https:", "//"))
            and not src.startswith("http://localhost/")
        ]
        assert external == [], url
