"""The sitemap lists the region and topic indexes and every term page."""

import datetime
import re

import pytest

from django.utils import timezone

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.taxonomy.models import Region, Topic

from .factories import carrying

pytestmark = pytest.mark.django_db

ENTRY = re.compile(r"<url><loc>([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?")


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return dict(ENTRY.findall(response.content.decode()))


def published(page, when):
    """Publish ``page`` as if at ``when`` (its last_published_at)."""
    revision = page.save_revision()
    revision.publish()
    type(page).objects.filter(pk=page.pk).update(last_published_at=when)
    return page


def test_sitemap_lists_every_region_and_topic_page(
    client, region_index, topic_index, sections
):
    entries = sitemap(client)
    for region in Region.objects.in_language().all():
        assert f"http://localhost/regions/{region.slug}/" in entries, region.slug
    for topic in Topic.objects.in_language().all():
        assert f"http://localhost/topics/{topic.slug}/" in entries, topic.slug
    assert "http://localhost/regions/" in entries
    assert "http://localhost/topics/" in entries


def test_a_term_page_is_as_fresh_as_its_newest_item(
    client, region_index, topic_index, sections
):
    old = datetime.datetime(2023, 4, 2, 12, tzinfo=datetime.UTC)
    new = datetime.datetime(2024, 9, 14, 12, tzinfo=datetime.UTC)
    published(
        carrying(
            NewsPageFactory(parent=sections["news"]),
            regions=["cajamarca"],
            topics=["mining"],
        ),
        old,
    )
    published(
        carrying(EventPageFactory(parent=sections["events"]), regions=["cajamarca"]),
        new,
    )
    entries = sitemap(client)
    assert entries["http://localhost/regions/cajamarca/"] == "2024-09-14"
    assert entries["http://localhost/topics/mining/"] == "2023-04-02"
    # A term nothing carries has no date of its own.
    assert entries["http://localhost/regions/tacna/"] == ""
    # The index is as fresh as its newest term.
    assert entries["http://localhost/regions/"] >= "2024-09-14"
    assert entries["http://localhost/regions/"] <= timezone.localdate().isoformat()
