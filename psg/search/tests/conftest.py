"""A small site to search: a news index, resources, events and pages."""

import datetime

import pytest

from wagtail.rich_text import RichText

from psg.core.tests.page_cache_fixtures import (  # noqa: F401 (fixtures)
    committed,
    page_cache,
    varnish,
)
from psg.events.tests.factories import EventIndexPageFactory, EventPageFactory
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.publications.tests.factories import (
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.tests.factories import carrying


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


class Site:
    """Makes pages under the site's sections; each is indexed as it is saved."""

    def __init__(self, home_page):
        self.home = home_page
        self.news_index = NewsIndexPageFactory(parent=home_page)
        self.publication_index = PublicationIndexPageFactory(parent=home_page)
        self.event_index = EventIndexPageFactory(parent=home_page)

    def news(self, title, text="", teaser=None, regions=(), topics=(), **fields):
        fields.setdefault("date", datetime.date(2024, 5, 1))
        page = NewsPageFactory(
            parent=self.news_index,
            title=title,
            teaser=teaser if teaser is not None else f"About {title}.",
            body=body(text) if text else [],
            **fields,
        )
        return carrying(page, regions, topics) if regions or topics else page

    def publication(self, title, summary="A report.", regions=(), topics=(), **kw):
        kw.setdefault("date", datetime.date(2023, 3, 1))
        page = PublicationPageFactory(
            parent=self.publication_index, title=title, summary=summary, **kw
        )
        return carrying(page, regions, topics) if regions or topics else page

    def event(self, title, summary="A meeting.", regions=(), topics=(), **fields):
        page = EventPageFactory(
            parent=self.event_index, title=title, summary=summary, **fields
        )
        return carrying(page, regions, topics) if regions or topics else page

    def page(self, title, introduction="", text=""):
        return StandardPageFactory(
            parent=self.home,
            title=title,
            introduction=introduction,
            body=body(text) if text else [],
        )


@pytest.fixture
def make(home_page):
    return Site(home_page)
