"""Fixtures for the feeds and feed links tests."""

import datetime
from html.parser import HTMLParser

import pytest

from django.core.cache import cache

from psg.core.models import OrganisationSettings

HOSTILE_TITLE = '</script><script>alert(1)</script> & "Tom" <b>bold</b>'


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches the sites' addresses; tests here change them."""
    cache.clear()
    yield
    cache.clear()


def publish(page):
    """Publish ``page`` as an editor does, so it has its publication dates."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# The sections of the root conftest.py, published: feeds read their
# publication dates.


@pytest.fixture
def news_index(news_index):
    return publish(news_index)


@pytest.fixture
def publication_index(publication_index):
    return publish(publication_index)


@pytest.fixture
def event_index(event_index):
    return publish(event_index)


@pytest.fixture
def organisation(site):
    settings = OrganisationSettings.for_site(site)
    settings.name = "Peru Support Group"
    settings.save()
    return settings


def day(year, month, number):
    return datetime.date(year, month, number)


class _AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.links.append(
                (attrs.get("type"), attrs.get("title"), attrs.get("href"))
            )


def alternates(response):
    """The page's ``<link rel="alternate">``: ``[(type, title, href)]``."""
    parser = _AlternateLinks()
    parser.feed(response.content.decode())
    parser.close()
    return parser.links
