"""/sitemap.xml and /robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from psg.bulletin.models import BulletinSeries, Edition
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.tests.factories import SeriesFactory

from .conftest import publish

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read_sitemap(client):
    """{location: lastmod text or None} of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    entries = {}
    for url in root.findall("sm:url", NS):
        lastmod = url.find("sm:lastmod", NS)
        entries[url.find("sm:loc", NS).text] = (
            lastmod.text if lastmod is not None else None
        )
    return entries


@pytest.fixture
def tree(home_page, news_index, publication_index, event_index):
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    about = publish(StandardPageFactory(parent=home_page, title="About", slug="about"))
    return {
        "about": about,
        "aims": publish(StandardPageFactory(parent=about, title="Aims", slug="aims")),
        "news": publish(
            NewsPageFactory(parent=news_index, slug="strike", series=series)
        ),
        "publication": publish(
            PublicationPageFactory(parent=publication_index, slug="report")
        ),
        "event": publish(EventPageFactory(parent=event_index, slug="film-night")),
        "draft": NewsPageFactory(parent=news_index, slug="draft", live=False),
        "private": publish(
            StandardPageFactory(parent=home_page, title="Trustees", slug="trustees")
        ),
    }


def test_every_public_page_is_listed_with_its_lastmod(client, tree):
    PageViewRestriction.objects.create(
        page=tree["private"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="x",
    )
    publish(StandardPageFactory(parent=tree["private"], slug="minutes"))
    publish(StandardPageFactory(parent=tree["about"], slug="old")).unpublish()
    alias = tree["aims"].create_alias(
        parent=tree["about"].get_parent(), update_slug="aims-copy"
    )
    Redirect.objects.create(old_path="/old-news-page", redirect_link="/news/")

    entries = read_sitemap(client)

    expected = {
        "http://localhost/",
        "http://localhost/about/",
        "http://localhost/about/aims/",
        "http://localhost/news/",
        "http://localhost/news/strike/",
        "http://localhost/news/series/letter-from-puno/",
        "http://localhost/publications/",
        "http://localhost/publications/report/",
        "http://localhost/events/",
        "http://localhost/events/film-night/",
    }
    assert set(entries) == expected
    today = timezone.localdate().isoformat()
    for location, lastmod in entries.items():
        assert lastmod == today, location
    for absent in ("/draft/", "/trustees/", "/minutes/", "/old/", "old-news-page"):
        assert not any(absent in location for location in entries), absent
    assert alias.url and not any(alias.url in location for location in entries)
    # Every listed address answers.
    for location in entries:
        assert client.get(location.removeprefix("http://localhost")).status_code == 200


def test_a_listing_changes_when_its_items_do(client, tree, news_index):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Page.objects.filter(pk__in=[tree["about"].pk, news_index.pk]).update(
        last_published_at=long_ago
    )
    Page.objects.filter(pk=tree["aims"].pk).update(last_published_at=long_ago)
    week_ago = timezone.now() - datetime.timedelta(days=7)
    Page.objects.filter(pk=tree["news"].pk).update(last_published_at=week_ago)

    entries = read_sitemap(client)

    assert entries["http://localhost/news/strike/"] == (
        timezone.localdate(week_ago).isoformat()
    )
    # The news index lists the item, so it changed when the item did.
    assert entries["http://localhost/news/"] == timezone.localdate(week_ago).isoformat()
    # A standard page does not list its children.
    assert entries["http://localhost/about/"] == (
        timezone.localdate(long_ago).isoformat()
    )


def test_bulletin_editions_are_listed(client, tree):
    update = BulletinSeries.objects.get(slug="update")
    sent = EditionFactory(
        series=update,
        number=120,
        date=datetime.date(2024, 3, 1),
        status=Edition.Status.SENT,
    )
    EditionItemFactory(edition=sent, page=tree["news"])
    EditionFactory(series=update, number=121, status=Edition.Status.DRAFT)

    entries = read_sitemap(client)

    assert "http://localhost/bulletin/update/120/" in entries
    assert entries["http://localhost/bulletin/update/120/"]
    assert entries["http://localhost/bulletin/"]
    assert "http://localhost/bulletin/update/121/" not in entries


def test_the_sitemap_follows_the_site_address_and_is_cacheable(client, site, tree):
    site.hostname, site.port = "psg.example.org", 443
    site.save()
    response = client.get("/sitemap.xml")
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    entries = read_sitemap(client)
    assert entries and all(
        location.startswith("https://psg.example.org/") for location in entries
    )


def test_sitemap_queries_do_not_grow_with_pages(
    client, home_page, news_index, publication_index
):
    series = SeriesFactory(name="Letter from Cusco", slug="letter-from-cusco")

    def add(count):
        for _ in range(count):
            publish(NewsPageFactory(parent=news_index, series=series))
            publish(PublicationPageFactory(parent=publication_index))
            publish(StandardPageFactory(parent=home_page))

    def count():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    add(2)
    small = count()
    add(10)
    assert count() == small
    assert len(read_sitemap(client)) == 3 + 36 + 1


def test_robots_txt(client, site):
    site.hostname, site.port = "psg.example.org", 443
    site.save()

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    disallowed = {
        line.split(": ", 1)[1] for line in lines if line.startswith("Disallow")
    }
    per_language = {
        "/_util/",
        "/membership/",
        "/join/sent/",
        "/join/confirm/",
        "/join/done/",
        "/bulletin/subscribe/sent/",
        "/bulletin/subscribe/confirm/",
        "/bulletin/subscribe/done/",
        "/bulletin/unsubscribe/",
    }
    # The forms exist in English and, under /es/, in Spanish.
    assert disallowed == {
        "/admin/",
        *per_language,
        *("/es" + path for path in per_language),
    }
    assert "Sitemap: https://psg.example.org/sitemap.xml" in lines
    # Public pages, feeds and the forms people look for stay open.
    for public in (
        "/news/",
        "/feeds/",
        "/join/",
        "/bulletin/subscribe/",
        "/documents/",
    ):
        assert not any(public.startswith(path) for path in disallowed), public
