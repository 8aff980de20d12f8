"""Only live, public pages are in the API: never drafts, unpublished pages,
pages behind a privacy setting, or a draft's unpublished changes."""

import pytest

from wagtail.models import PageViewRestriction

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def listed_ids(client, address):
    return {item["id"] for item in client.get(address).json()["results"]}


def assert_hidden(client, endpoint, page):
    assert page.pk not in listed_ids(client, f"/api/v1/{endpoint}/?page_size=100")
    assert client.get(f"/api/v1/{endpoint}/{page.pk}/").status_code == 404


def test_drafts_never_appear(client, news_index, publication_index, event_index):
    hidden = [
        ("news", NewsPageFactory(parent=news_index, live=False)),
        ("publications", PublicationPageFactory(parent=publication_index, live=False)),
        ("events", EventPageFactory(parent=event_index, live=False)),
    ]
    shown = NewsPageFactory(parent=news_index)
    for endpoint, page in hidden:
        assert_hidden(client, endpoint, page)
    assert listed_ids(client, "/api/v1/news/") == {shown.pk}


def test_unpublished_pages_disappear(client, content):
    content["letter"].unpublish()
    content["report"].unpublish()
    assert_hidden(client, "news", content["letter"])
    assert_hidden(client, "publications", content["report"])
    assert client.get("/api/v1/news/").json()["count"] == 2


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_private_pages_never_appear(client, content, restriction_type):
    PageViewRestriction.objects.create(
        page=content["letter"], restriction_type=restriction_type, password="secret"
    )
    assert_hidden(client, "news", content["letter"])
    assert content["analysis"].pk in listed_ids(client, "/api/v1/news/")


def test_a_private_section_hides_everything_in_it(client, content, event_index):
    PageViewRestriction.objects.create(
        page=event_index, restriction_type="password", password="secret"
    )
    assert client.get("/api/v1/events/").json()["count"] == 0
    assert_hidden(client, "events", content["talk"])
    assert client.get("/api/v1/news/").json()["count"] == 3


def test_unpublished_changes_stay_unpublished(client, content):
    letter = content["letter"]
    letter.title = "A title still in draft"
    letter.teaser = "A teaser still in draft."
    letter.save_revision()

    listed = client.get("/api/v1/news/").json()["results"]
    alone = client.get(f"/api/v1/news/{letter.pk}/").json()
    titles = [item["title"] for item in listed]
    assert "Letter from Cajamarca: the rondas" in titles
    assert "A title still in draft" not in titles
    assert alone["teaser"] == "Hualgayoc is a cold town."
