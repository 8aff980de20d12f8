"""The RSS and Atom feeds, read back as a feed reader reads them."""

import datetime
import html
import xml.etree.ElementTree as ET

import feedparser
import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from psg.news.models import NewsPage
from psg.news.tests.factories import AuthorFactory, NewsPageFactory
from psg.publications.models import PublicationFile
from psg.publications.tests.factories import (
    DocumentFactory,
    PublicationFileFactory,
    PublicationPageFactory,
)
from psg.taxonomy.models import RegionIndexPage
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import HOSTILE_TITLE, day, publish

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def news_item(news_index, **kwargs):
    regions = kwargs.pop("regions", [])
    topics = kwargs.pop("topics", [])
    authors = kwargs.pop("authors", [])
    page = NewsPageFactory(parent=news_index, **kwargs)
    page.regions.add(*[region(slug) for slug in regions])
    page.topics.add(*[topic(slug) for slug in topics])
    page.authors.add(*authors)
    return publish(page)


def as_date(struct):
    return datetime.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


def pdf(title, size=2048):
    return DocumentFactory(
        title=title,
        file=ContentFile(b"%PDF-1.4\n" + b"0" * (size - 9), name=f"{title}.pdf"),
    )


def test_news_rss_lists_the_newest_items_first(client, news_index, organisation):
    author = AuthorFactory(name="Julia Urrunaga")
    older = news_item(
        news_index,
        title="Older item",
        date=day(2024, 3, 2),
        teaser="An older teaser.",
        regions=["cajamarca"],
        topics=["mining"],
        authors=[author],
    )
    newer = news_item(news_index, title="Newer item", date=day(2024, 5, 9))

    response, feed = fetch(client, "/feeds/news.rss")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.title == "Peru Support Group — News"
    assert feed.feed.link == "http://localhost/news/"
    assert [entry.title for entry in feed.entries] == ["Newer item", "Older item"]
    entry = feed.entries[1]
    assert entry.link == "http://localhost/news/older-item/"
    assert as_date(entry.published_parsed) == day(2024, 3, 2)
    assert entry.id == f"urn:uuid:{older.translation_key}"
    assert entry.guidislink is False
    assert entry.summary == "An older teaser."
    assert entry.author == "Julia Urrunaga"
    assert [tag.term for tag in entry.tags] == ["Cajamarca", "Mining"]
    assert feed.entries[0].id == f"urn:uuid:{newer.translation_key}"


def test_news_atom_gives_the_same_items_with_ids_and_dates(
    client, news_index, organisation
):
    page = news_item(
        news_index, title="Water in Puno", date=day(2023, 11, 30), regions=["puno"]
    )

    response, feed = fetch(client, "/feeds/news.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Peru Support Group — News"
    assert feed.feed.id == "http://localhost/feeds/news.atom"
    (entry,) = feed.entries
    assert entry.title == "Water in Puno"
    assert entry.link == "http://localhost/news/water-in-puno/"
    assert entry.id == f"urn:uuid:{page.translation_key}"
    assert as_date(entry.updated_parsed) == day(2023, 11, 30)
    assert as_date(entry.published_parsed) == day(2023, 11, 30)
    assert [tag.term for tag in entry.tags] == ["Puno"]
    assert entry.summary == "What happened in Water in Puno."


def test_a_feed_holds_the_twenty_newest_items(client, news_index):
    for number in range(22):
        news_item(
            news_index,
            title=f"Item {number}",
            date=day(2020, 1, 1) + datetime.timedelta(days=number),
        )

    _, feed = fetch(client, "/feeds/news.rss")

    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 20
    assert titles[0] == "Item 21" and titles[-1] == "Item 2"


def test_drafts_and_private_items_stay_out(client, news_index):
    news_item(news_index, title="Public item")
    NewsPageFactory(parent=news_index, title="Draft item", live=False)
    private = news_item(news_index, title="Members only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    group_only = news_item(news_index, title="Group only")
    restriction = PageViewRestriction.objects.create(
        page=group_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Trustees"))

    for url in ("/feeds/news.rss", "/feeds/news.atom"):
        _, feed = fetch(client, url)
        assert [entry.title for entry in feed.entries] == ["Public item"]


def test_partial_and_missing_dates(client, news_index):
    month = news_item(
        news_index, title="April", date=day(2009, 4, 17), date_precision="month"
    )
    year = news_item(
        news_index, title="A year", date=day(2005, 6, 1), date_precision="year"
    )
    undated = news_item(news_index, title="Undated", date=None)

    for url in ("/feeds/news.rss", "/feeds/news.atom"):
        _, feed = fetch(client, url)
        dates = {entry.title: as_date(entry.published_parsed) for entry in feed.entries}
        assert dates["April"] == day(2009, 4, 1)
        assert dates["A year"] == day(2005, 1, 1)
        assert dates["Undated"] == undated.first_published_at.date()
    assert month.date_precision == "month" and year.date_precision == "year"


def test_the_guid_survives_a_rename_and_a_new_slug(client, news_index):
    page = news_item(news_index, title="First title", date=day(2024, 1, 5))
    _, before = fetch(client, "/feeds/news.rss")
    _, atom_before = fetch(client, "/feeds/news.atom")

    page = NewsPage.objects.get(pk=page.pk)
    page.title = "Corrected title"
    page.slug = "corrected-title"
    publish(page)
    _, after = fetch(client, "/feeds/news.rss")
    _, atom_after = fetch(client, "/feeds/news.atom")

    assert after.entries[0].id == before.entries[0].id
    assert atom_after.entries[0].id == atom_before.entries[0].id
    assert after.entries[0].link == "http://localhost/news/corrected-title/"
    assert after.entries[0].title == "Corrected title"


def test_term_feeds_hold_only_their_terms_items(client, news_index, organisation):
    letters = SeriesFactory(name="Letter from Cajamarca", slug="letter-from-cajamarca")
    news_item(news_index, title="Mine in Cajamarca", regions=["cajamarca"])
    news_item(news_index, title="Water in Puno", regions=["puno"], topics=["water"])
    news_item(
        news_index,
        title="Letter one",
        regions=["cajamarca"],
        topics=["mining"],
        series=letters,
    )

    cases = {
        "/feeds/regions/cajamarca": (
            "Peru Support Group — Cajamarca",
            {"Mine in Cajamarca", "Letter one"},
        ),
        "/feeds/topics/water": ("Peru Support Group — Water", {"Water in Puno"}),
        "/feeds/series/letter-from-cajamarca": (
            "Peru Support Group — Letter from Cajamarca",
            {"Letter one"},
        ),
    }
    for url, (title, items) in cases.items():
        for extension in ("rss", "atom"):
            _, feed = fetch(client, f"{url}.{extension}")
            assert feed.feed.title == title
            assert {entry.title for entry in feed.entries} == items, url

    _, series_feed = fetch(client, "/feeds/series/letter-from-cajamarca.rss")
    assert series_feed.feed.link == (
        "http://localhost/news/series/letter-from-cajamarca/"
    )


def test_a_region_feed_links_to_the_region_page_or_else_to_the_news(
    client, home_page, news_index
):
    # Without a live regions page, the feed points at the news.
    _, feed = fetch(client, "/feeds/regions/cusco.rss")
    assert feed.feed.link == "http://localhost/news/"
    index = RegionIndexPage(title="Regions", slug="regions")
    home_page.add_child(instance=index)
    publish(index)
    _, feed = fetch(client, "/feeds/regions/cusco.rss")
    assert feed.feed.link == "http://localhost/regions/cusco/"


def test_unknown_terms_are_not_found(client, news_index):
    for kind in ("regions", "topics", "series"):
        for extension in ("rss", "atom"):
            response = client.get(f"/feeds/{kind}/no-such-term.{extension}")
            assert response.status_code == 404, (kind, extension)
    assert client.get("/feeds/news.json").status_code == 404


def test_publications_feed_encloses_the_pdf_files(
    client, publication_index, organisation
):
    page = PublicationPageFactory(
        parent=publication_index,
        title="Water and mining",
        summary="What the new law means.\n\nA second paragraph.",
        date=day(2022, 6, 1),
    )
    page.regions.add(region("apurimac"))
    english = pdf("water-en", size=4096)
    spanish = pdf("agua-es", size=8192)
    PublicationFileFactory(publication=page, document=english, sort_order=0)
    PublicationFileFactory(
        publication=page,
        document=spanish,
        language=PublicationFile.Language.SPANISH,
        sort_order=1,
    )
    PublicationFileFactory(
        publication=page,
        document=DocumentFactory(
            title="notes", file=ContentFile(b"notes", name="notes.docx")
        ),
        sort_order=2,
    )
    publish(page)

    _, rss = fetch(client, "/feeds/publications.rss")
    assert rss.feed.title == "Peru Support Group — Publications"
    (entry,) = rss.entries
    assert entry.title == "Water and mining"
    assert entry.summary.startswith("What the new law means.")
    assert [tag.term for tag in entry.tags] == ["Apurímac"]
    # RSS allows one enclosure: the first PDF.
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://localhost{english.url}"
    assert enclosure.type == "application/pdf"
    assert enclosure.length == "4096"

    _, atom = fetch(client, "/feeds/publications.atom")
    enclosures = atom.entries[0].enclosures
    assert [(e.href, e.type, e.length) for e in enclosures] == [
        (f"http://localhost{english.url}", "application/pdf", "4096"),
        (f"http://localhost{spanish.url}", "application/pdf", "8192"),
    ]
    # Enclosures are the files readers can download.
    assert client.get(english.url).status_code == 200


def test_hostile_titles_and_teasers_are_text(client, news_index):
    news_item(
        news_index,
        title=HOSTILE_TITLE,
        teaser='Teaser with <img src=x onerror="alert(2)"> & more',
    )

    for url in ("/feeds/news.rss", "/feeds/news.atom"):
        response, feed = fetch(client, url)
        # Well-formed XML whose text is exactly what the editor typed…
        root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
        assert root is not None
        body = response.content.decode()
        assert "<script>" not in body and "<img" not in body
        (entry,) = feed.entries
        if url.endswith(".atom"):
            assert entry.title_detail.type == "text/plain"
            assert entry.title == HOSTILE_TITLE
        else:
            # …and RSS, read as HTML, shows it as text.
            assert entry.title_detail.type == "text/html"
            assert "<script" not in entry.title
            assert html.unescape(entry.title) == HOSTILE_TITLE
        assert entry.summary_detail.type == "text/html"
        assert "<img" not in entry.summary
        assert html.unescape(entry.summary) == (
            'Teaser with <img src=x onerror="alert(2)"> & more'
        )


def test_feeds_are_publicly_cacheable(client, news_index):
    news_item(news_index, title="Cached", date=day(2024, 2, 1))
    for url in (
        "/feeds/news.rss",
        "/feeds/publications.atom",
        "/feeds/topics/water.rss",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"]
        assert "max-age=" in response["Cache-Control"]
        assert not response.cookies
        assert response.has_header("Last-Modified")
    assert client.get("/feeds/news.rss")["Last-Modified"] == (
        "Thu, 01 Feb 2024 12:00:00 GMT"
    )


def feed_queries(client, urls):
    counts = {}
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_feed_queries_do_not_grow_with_items(client, news_index, publication_index):
    letters = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    author = AuthorFactory()

    def add(count):
        for _ in range(count):
            news_item(
                news_index,
                regions=["puno", "cusco"],
                topics=["water"],
                authors=[author],
                series=letters,
            )
            publication = PublicationPageFactory(parent=publication_index)
            publication.topics.add(topic("water"))
            PublicationFileFactory(publication=publication, document=pdf("report"))
            PublicationFileFactory(publication=publication, document=pdf("informe"))
            publish(publication)

    urls = [
        f"/feeds/{name}.{extension}"
        for name in (
            "news",
            "regions/puno",
            "topics/water",
            "series/letter-from-puno",
            "publications",
        )
        for extension in ("rss", "atom")
    ]
    add(2)
    small = feed_queries(client, urls)
    add(10)
    large = feed_queries(client, urls)
    assert large == small
