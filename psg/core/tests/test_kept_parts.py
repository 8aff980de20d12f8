"""The parts of pages each worker keeps rendered (psg_tags ``kept_part``,
``structure.kept_recent``) and the pages it keeps routed to: a reader sees
every published change on the next view, never a kept copy of the old one."""

import datetime
import json

import pytest

from django.utils import timezone

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from psg.core import structure
from psg.events.tests.factories import EventIndexPageFactory, EventPageFactory
from psg.news.models import RelatedItem
from psg.news.tests.factories import NewsPageFactory
from psg.taxonomy.tests.factories import region

pytestmark = pytest.mark.django_db


def seen_twice(client, url):
    """The page's HTML on its third view: the route remembered, the page
    and its parts kept."""
    client.get(url)
    client.get(url)
    return client.get(url).content.decode()


@pytest.fixture
def article(news_index):
    page = NewsPageFactory(parent=news_index, title="Water in Puno", slug="water")
    page.regions.add(region("puno"))
    page.save_revision().publish()
    return page


def test_a_republished_title_is_seen_in_the_body_head_and_breadcrumbs(client, article):
    assert "Water in Puno" in seen_twice(client, article.url)
    article.title = "Water and mining in Puno"
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "<title>Water in Puno" not in html
    assert "<title>Water and mining in Puno | Peru Support Group</title>" in html
    assert "<h1>Water and mining in Puno</h1>" in html
    assert '<meta property="og:title" content="Water and mining in Puno">' in html
    assert '<li aria-current="page">Water and mining in Puno</li>' in html


def test_another_page_listing_it_shows_the_new_title(client, news_index, article):
    other = NewsPageFactory(parent=news_index, title="Other")
    other.related_items = [RelatedItem(page=article)]
    other.save_revision().publish()
    assert "Water in Puno" in seen_twice(client, other.url)
    assert "Water in Puno" in seen_twice(client, "/news/")
    article.title = "Rivers of Puno"
    article.save_revision().publish()
    assert "Rivers of Puno" in client.get(other.url).content.decode()
    assert "Rivers of Puno" in client.get("/news/").content.decode()


def test_an_unpublished_item_leaves_the_listing_and_the_home_page(
    client, home_page, article
):
    assert "Water in Puno" in seen_twice(client, "/")
    article.unpublish()
    assert "Water in Puno" not in client.get("/").content.decode()
    assert "Water in Puno" not in client.get("/news/").content.decode()
    assert client.get(article.url).status_code == 404


def test_a_renamed_region_is_seen_on_the_article(client, article):
    assert 'class="tag">Puno<' in seen_twice(client, article.url)
    puno = region("puno")
    puno.name = "Puno (Altiplano)"
    puno.save()
    assert 'class="tag">Puno (Altiplano)<' in client.get(article.url).content.decode()


def test_a_replaced_image_file_is_seen_where_the_image_shows(client, article):
    image = Image.objects.create(title="Lake", file=get_test_image_file("lake.png"))
    article.body = json.dumps(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "", "decorative": True},
                    "caption": "Lake Titicaca",
                    "credit": "",
                },
            }
        ]
    )
    article.save_revision().publish()
    assert "/lake.width-400" in seen_twice(client, article.url)
    # As the admin does when an editor uploads a new file for the image.
    image.renditions.all().delete()
    image.file = get_test_image_file("dawn.png")
    image.save()
    html = client.get(article.url).content.decode()
    assert "/lake.width-400" not in html
    assert "/dawn.width-400" in html


def test_a_draft_is_previewed_while_readers_keep_the_live_page(
    client, admin_client, article
):
    seen_twice(client, article.url)
    article.title = "A draft title"
    article.save_revision()
    preview = admin_client.get(
        f"/admin/pages/{article.pk}/revisions/{article.latest_revision_id}/view/"
    )
    assert "A draft title" in preview.content.decode()
    html = client.get(article.url).content.decode()
    assert "A draft title" not in html
    assert "<h1>Water in Puno</h1>" in html


def test_each_filter_of_the_news_has_its_own_listing(client, news_index, article):
    NewsPageFactory(parent=news_index, title="Drought in Cusco")
    all_news = seen_twice(client, "/news/")
    puno_news = seen_twice(client, "/news/?region=puno")
    assert "Drought in Cusco" in all_news
    assert "Water in Puno" in puno_news
    assert "Drought in Cusco" not in puno_news


def test_upcoming_events_leave_the_home_page_once_they_end(
    client, home_page, monkeypatch
):
    events = EventIndexPageFactory(parent=home_page)
    soon = timezone.now() + datetime.timedelta(seconds=2)
    EventPageFactory(parent=events, title="A talk", start=soon, end=soon)
    assert "A talk" in seen_twice(client, "/")
    # The events part is kept for a minute at most: past that, it is read again.
    later = structure.time.monotonic() + 61
    monkeypatch.setattr(structure.time, "monotonic", lambda: later)
    monkeypatch.setattr(timezone, "now", lambda: soon + datetime.timedelta(seconds=1))
    assert "A talk" not in client.get("/").content.decode()


def test_kept_parts_are_bounded_and_least_recently_used_go_first(monkeypatch):
    monkeypatch.setattr(structure, "MAX_PARTS", 2)
    built = []

    def build(name):
        return lambda: built.append(name) or name

    for name in ("a", "b", "a", "c", "a", "b"):
        assert structure.kept_recent(("test", name), build(name)) == name
    # "a" stayed, being used; "b" went when "c" came, and was built again.
    assert built == ["a", "b", "c", "b"]


def test_a_kept_part_with_a_timeout_is_built_again_after_it(monkeypatch):
    built = []
    now = [1000.0]
    monkeypatch.setattr(structure.time, "monotonic", lambda: now[0])
    for step in (0, 30, 59, 61, 62):
        now[0] = 1000.0 + step
        structure.kept_recent("timed", lambda: built.append(now[0]), timeout=60)
    assert built == [1000.0, 1061.0]
