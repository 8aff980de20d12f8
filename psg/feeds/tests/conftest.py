"""Fixtures for the feeds and feed links tests."""

import datetime
from html.parser import HTMLParser

import pytest

from psg.core.models import OrganisationSettings
from psg.core.tests.published_sections import (  # noqa: F401 (fixtures)
    event_index,
    fresh_cache,
    news_index,
    publication_index,
    publish,
)

HOSTILE_TITLE = '</script><script>alert(1)</script> & "Tom" <b>bold</b>'


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
