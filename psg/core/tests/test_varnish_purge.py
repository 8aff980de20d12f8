"""The Varnish backend speaks the purge protocol (docs/caching.md) to a real
HTTP server, which records what it receives."""

import logging

import pytest

from psg.core.models import OrganisationSettings
from psg.core.purge_backends import VarnishBackend
from psg.news.tests.factories import NewsPageFactory

from .page_cache_fixtures import publish

pytestmark = pytest.mark.django_db


def test_a_path_is_purged_once_without_its_query_with_the_sites_host(varnish):
    backend = VarnishBackend({"LOCATION": varnish.url})
    backend.purge_batch(
        [
            "http://www.example.org/news/?page=2",
            "http://www.example.org/news/",
            "http://localhost:8000/regions/cajamarca/",
            "https://www.example.org/noticias/añ/",
        ]
    )

    assert varnish.received == [
        ("PURGE", "/news/", "www.example.org"),
        ("PURGE", "/regions/cajamarca/", "localhost:8000"),
        ("PURGE", "/noticias/a%C3%B1/", "www.example.org"),
    ]


def test_a_settings_change_bans_the_whole_site(varnish, committed, site):
    varnish.received.clear()
    organisation = OrganisationSettings.for_site(site)
    committed(organisation.save)

    assert varnish.received == [("BAN", "/", "localhost")]


def test_nothing_is_sent_before_the_transaction_commits(
    varnish, news_index, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=news_index, title="Drought in Puno")
    varnish.received.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        publish(page)
        assert varnish.received == []

    assert callbacks
    for callback in callbacks:
        callback()
    assert ("PURGE", page.url, "localhost") in varnish.received


def test_a_varnish_that_is_down_is_logged_and_the_publish_goes_on(
    client, page_cache, varnish, news_index, committed, caplog
):
    committed(publish, news_index)
    page = committed(publish, NewsPageFactory(parent=news_index, title="Before"))
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"
    varnish.shutdown()
    varnish.server_close()

    page.title = "After"
    with caplog.at_level(logging.ERROR, logger="psg.core.purge_backends"):
        committed(publish, page)

    assert "Could not purge Varnish" in caplog.text
    fresh = client.get(page.url)
    assert fresh["X-Cache"] == "MISS"
    assert "After" in fresh.content.decode()
