"""A page's query count must not grow with the number of items it lists."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from psg.core import structure
from psg.events.tests.factories import EventIndexPageFactory, EventPageFactory
from psg.news.tests.factories import (
    AuthorFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from psg.publications.tests.factories import (
    PublicationFileFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

pytestmark = pytest.mark.django_db

URLS = ["/", "/news/", "/news/?page=2", "/publications/", "/events/"]


def add_items(sections, count, offset):
    news, publications, events, series, author, cover = sections
    for number in range(offset, offset + count):
        item = NewsPageFactory(
            parent=news,
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            series=series if number % 2 else None,
        )
        item.regions.add(region("puno"))
        item.topics.add(topic("water"))
        item.authors.add(author)
        item.save()
        publication = PublicationPageFactory(parent=publications, cover_image=cover)
        PublicationFileFactory(publication=publication)
        EventPageFactory(parent=events)


@pytest.fixture
def sections(home_page):
    cover = Image.objects.create(title="Cover", file=get_test_image_file())
    return (
        NewsIndexPageFactory(parent=home_page),
        PublicationIndexPageFactory(parent=home_page),
        EventIndexPageFactory(parent=home_page),
        SeriesFactory(name="Letter from Puno", slug="letter-from-puno"),
        AuthorFactory(),
        cover,
    )


def query_counts(client, urls, kept=False):
    """The queries of a view of each page, with what the worker keeps for
    every page (the chrome, the Sites, the terms) read, and, unless ``kept``,
    the page's own kept parts not (as for its first reader after a publish)."""
    counts = {}
    for url in urls:
        client.get(url)
        # The first view remembers the page's route, the second keeps the page.
        client.get(url)
        if not kept:
            structure.forget_recent()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_listing_query_counts_do_not_grow_with_items(client, sections):
    add_items(sections, 12, 0)
    article = sections[0].get_children().live().last().url
    small = query_counts(client, [*URLS, "/news/series/letter-from-puno/", article])
    add_items(sections, 100, 12)
    large = query_counts(client, [*URLS, "/news/series/letter-from-puno/", article])
    assert large == small


def test_a_full_page_costs_no_more_queries_than_a_short_one(client, sections):
    add_items(sections, 2, 0)
    small = query_counts(client, URLS[:2] + URLS[3:])
    add_items(sections, 10, 2)
    full = query_counts(client, URLS[:2] + URLS[3:])
    assert full == small


# What a page view costs here, the site chrome, the Site, the route and view
# restrictions being kept by the worker (psg.core.structure). On the demo
# site an article took 29 queries before, the home page and /news/ 20 each
# (docs/benchmarks.md, "Reads: the uncached render"). One of them finds the
# page's versions in the other language for hreflang and the language switch.
PAGE_QUERIES = {"/": 6, "/news/": 5, "article": 8}


def test_a_page_view_costs_few_queries(client, sections):
    add_items(sections, 3, 0)
    article = sections[0].get_children().live().last().url
    counts = query_counts(client, ["/", "/news/", article])
    counts["article"] = counts.pop(article)
    assert counts == PAGE_QUERIES


def test_a_page_seen_before_costs_no_query(client, sections):
    """The page and its rendered parts kept by the worker, the next reader's
    view reads nothing from the database until something is published."""
    add_items(sections, 3, 0)
    article = sections[0].get_children().live().last().url
    counts = query_counts(client, ["/", "/news/", "/news/?page=2", article], kept=True)
    assert counts == {"/": 0, "/news/": 0, "/news/?page=2": 0, article: 0}
