"""A publish purges every address that shows the item, and readers see the
change at once at each of them (docs/caching.md, "What purges what")."""

import pytest

from wagtail.models import Locale, PageViewRestriction

from psg.bulletin.tests.factories import BulletinSeriesFactory, EditionFactory
from psg.core.models import OrganisationSettings
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.taxonomy.models import Topic
from psg.taxonomy.tests.factories import (
    RegionIndexPageFactory,
    SeriesFactory,
    TopicIndexPageFactory,
    carrying,
)

from .page_cache_fixtures import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(home_page, news_index, committed):
    """A published news item with a region, a topic and a series, listed in
    Update 150 of the bulletin archive."""
    for section in (
        news_index,
        RegionIndexPageFactory(parent=home_page),
        TopicIndexPageFactory(parent=home_page),
    ):
        committed(publish, section)
    BulletinSeriesFactory(name="Update", slug="update")
    page = NewsPageFactory(
        parent=news_index,
        title="Old title of the flood",
        slug="flood",
        teaser="Rivers rose in the north.",
        series=SeriesFactory(name="Letter from Puno", slug="letter-from-puno"),
        bulletin_name="Update",
        bulletin_number=150,
    )
    topic = Topic.objects.in_language().order_by("slug").first()
    carrying(page, regions=["cajamarca"], topics=[topic.slug])
    page.topic_slug = topic.slug
    committed(publish, page)
    return page


def showing_paths(item):
    """Every address that shows the item, its title among the rest."""
    topic = item.topic_slug
    feeds = [
        f"/feeds/{subject}.{form}"
        for subject in (
            "news",
            "regions/cajamarca",
            f"topics/{topic}",
            "series/letter-from-puno",
        )
        for form in ("rss", "atom")
    ]
    return [
        "/news/flood/",
        "/news/",
        "/",
        "/regions/cajamarca/",
        f"/topics/{topic}/",
        "/news/series/letter-from-puno/",
        *feeds,
        "/bulletin/update/150/",
        "/api/v1/news/",
        f"/api/v1/news/{item.pk}/",
    ]


def test_a_publish_purges_every_address_that_shows_the_item(varnish, item, committed):
    varnish.received.clear()
    item.title = "New title of the flood"
    committed(publish, item)

    assert varnish.purged_paths() == {
        *showing_paths(item),
        "/regions/",
        "/topics/",
        "/sitemap.xml",
        "/search/",
        "/bulletin/",
        "/bulletin/update/150.pdf",
        # The Spanish edition of the same number shows the item too.
        "/bulletin/update/150/es/",
        "/bulletin/update/150/es.pdf",
    }
    assert {host for _method, _path, host in varnish.received} == {"localhost"}


def test_after_a_publish_every_address_shows_the_new_title(
    client, page_cache, item, committed
):
    paths = showing_paths(item)
    for path in paths:
        client.get(path)
        cached = client.get(path)
        assert cached["X-Cache"] == "HIT", path
        assert "Old title of the flood" in cached.content.decode(), path

    item.title = "New title of the flood"
    committed(publish, item)

    for path in paths:
        fresh = client.get(path)
        assert fresh.status_code == 200, path
        assert fresh["X-Cache"] == "MISS", path
        text = fresh.content.decode()
        assert "New title of the flood" in text, path
        assert "Old title of the flood" not in text, path


def cache(client, *paths):
    """Fetch each path twice: the second answer must come from the cache."""
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Cache"] == "HIT", path


@pytest.mark.parametrize("change", ["unpublish", "delete"])
def test_an_item_unpublished_or_deleted_is_gone_at_once(
    client, page_cache, item, committed, change
):
    cache(client, "/news/flood/", "/news/", "/")

    committed(getattr(item, change))

    assert client.get("/news/flood/").status_code == 404
    for listing in ("/news/", "/"):
        assert "Old title of the flood" not in client.get(listing).content.decode()


def test_an_item_made_private_is_gone_at_once(client, page_cache, item, committed):
    cache(client, "/news/flood/", "/news/")

    committed(
        PageViewRestriction.objects.create,
        page=item,
        restriction_type=PageViewRestriction.LOGIN,
    )

    response = client.get("/news/flood/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "Old title of the flood" not in client.get("/news/").content.decode()


def test_a_moved_item_is_no_longer_served_at_its_old_address(
    client, page_cache, item, committed, home_page
):
    archive = committed(
        publish, NewsIndexPageFactory(parent=home_page, title="Archive", slug="archive")
    )
    cache(client, "/news/flood/")

    committed(item.move, archive, pos="last-child")

    # Wagtail leaves a redirect at the old address, not the cached page.
    old = client.get("/news/flood/")
    assert old.status_code == 301
    assert old["Location"] == "/archive/flood/"
    moved = client.get("/archive/flood/")
    assert moved.status_code == 200
    assert "Old title of the flood" in moved.content.decode()
    assert "Old title of the flood" not in client.get("/news/").content.decode()


def test_a_settings_change_purges_every_page(client, page_cache, item, committed, site):
    cache(client, "/news/flood/")

    settings = OrganisationSettings.for_site(site)
    committed(settings.save)

    assert client.get("/news/flood/")["X-Cache"] == "MISS"


def test_a_region_renamed_purges_every_page(client, page_cache, item, committed):
    cache(client, "/news/flood/")

    region = item.regions.get()
    region.name = "Cajamarca (renamed)"
    committed(region.save)

    fresh = client.get("/news/flood/")
    assert fresh["X-Cache"] == "MISS"
    assert "Cajamarca (renamed)" in fresh.content.decode()


def test_an_edition_put_in_the_archive_replaces_its_cached_404(
    client, page_cache, item, committed
):
    series = BulletinSeriesFactory(name="Monthly", slug="monthly")
    edition = EditionFactory(series=series, number=1)
    client.get("/bulletin/monthly/1/")
    missing = client.get("/bulletin/monthly/1/")
    assert missing.status_code == 404
    assert missing["X-Cache"] == "HIT"

    edition.is_legacy = True
    committed(edition.save)

    shown = client.get("/bulletin/monthly/1/")
    assert shown.status_code == 200
    assert shown["X-Cache"] == "MISS"


def test_a_spanish_item_is_purged_at_its_own_addresses_only(varnish, item, committed):
    """English addresses have no language prefix (/news/…), Spanish ones have
    /es/: a Spanish item's purges, the old address of a renamed one among
    them, name no /en-gb/… address, which no page has."""
    spanish = item.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True
    )
    committed(publish, spanish)
    old_url = spanish.url
    varnish.received.clear()
    spanish.slug = "la-inundacion"
    committed(publish, spanish)

    paths = varnish.purged_paths()
    assert {old_url, spanish.url} <= paths
    assert old_url.startswith("/es/")
    assert not [path for path in paths if path.startswith("/en-gb/")]
