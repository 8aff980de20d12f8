"""A listing's query count does not grow with the number of items in it."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import AuthorFactory, NewsPageFactory
from psg.publications.tests.factories import (
    PublicationFileFactory,
    PublicationPageFactory,
)
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import pdf_document

pytestmark = pytest.mark.django_db

# The site; the privacy restrictions (Wagtail's ``public()`` reads them
# first); the count; the page of items; then one query each for the
# prefetched relations: news regions, topics, authors (series is joined);
# publications regions, topics, files with their documents; events regions,
# topics. A filter on regions, topics or series adds one query to read that
# vocabulary.
# Two fewer since the Site and the view restrictions are kept by each worker
# (psg.core.structure).
EXPECTED = {
    "/api/v1/news/": 5,
    "/api/v1/publications/": 5,
    "/api/v1/events/": 4,
    "/api/v1/news/?region=puno&topic=water&series=letter-from-puno&kind=news": 8,
    "/api/v1/publications/?region=puno&year=2010": 6,
    "/api/v1/events/?topic=water&date_from=2000-01-01": 5,
}


def add_items(sections, count, offset):
    news_index, publication_index, event_index = sections
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    author = AuthorFactory()
    for number in range(offset, offset + count):
        news = NewsPageFactory(
            parent=news_index,
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            series=series,
        )
        publication = PublicationPageFactory(
            parent=publication_index, date=datetime.date(2010, 1, 1 + number)
        )
        PublicationFileFactory(
            publication=publication, document=pdf_document(f"File {number}")
        )
        PublicationFileFactory(
            publication=publication,
            document=pdf_document(f"Archivo {number}", name="archivo.pdf"),
            language="es",
        )
        event = EventPageFactory(parent=event_index)
        for page in (news, publication, event):
            page.regions.add(region("puno"), region("cusco"))
            page.topics.add(topic("water"))
            page.save()
        news.authors.add(author, AuthorFactory())
        news.save()


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, response.content
    return len(queries), response.json()["count"]


@pytest.fixture
def sections(news_index, publication_index, event_index):
    return news_index, publication_index, event_index


def test_listing_queries_do_not_grow_with_items(client, sections):
    add_items(sections, 2, 0)
    client.get("/api/v1/news/")  # the site's root paths are cached from here on
    few = {address: count_queries(client, address) for address in EXPECTED}
    add_items(sections, 10, 2)
    many = {address: count_queries(client, address) for address in EXPECTED}

    for address, expected in EXPECTED.items():
        (few_queries, few_items), (many_queries, many_items) = (
            few[address],
            many[address],
        )
        assert (few_items, many_items) == (2, 12), address
        assert few_queries == many_queries == expected, (address, few, many)
