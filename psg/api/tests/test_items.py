"""What each endpoint says about an item: the fields a syndicating partner
publishes, in listings and for single items."""

import datetime
import json

import pytest

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.taxonomy.models import Region, Series, Topic

from .conftest import pdf_document

pytestmark = pytest.mark.django_db


def moment(text):
    return datetime.datetime.fromisoformat(text)


def by_id(response):
    return {item["id"]: item for item in response.json()["results"]}


def test_a_news_item_in_the_listing(client, content):
    letter = content["letter"]
    letter.refresh_from_db()

    item = by_id(client.get("/api/v1/news/"))[letter.pk]

    published = {
        name: moment(item.pop(name))
        for name in ("first_published_at", "last_published_at")
    }
    assert published == {
        "first_published_at": letter.first_published_at,
        "last_published_at": letter.last_published_at,
    }
    assert item == {
        "id": letter.pk,
        "title": "Letter from Cajamarca: the rondas",
        "url": "http://localhost/news/letter-from-cajamarca-the-rondas/",
        "date": "2024-03-23",
        "date_precision": "day",
        "kind": "letter",
        "teaser": "Hualgayoc is a cold town.",
        "authors": [{"name": "Julia Urrunaga", "role": "Correspondent"}],
        "series": {"slug": "letter-from-cajamarca", "name": "Letter from Cajamarca"},
        "regions": [{"slug": "cajamarca", "name": "Cajamarca", "name_es": "Cajamarca"}],
        "topics": [{"slug": "mining", "name": "Mining", "name_es": "Minería"}],
    }


def test_partial_and_missing_dates_say_how_much_is_known(client, content):
    items = by_id(client.get("/api/v1/news/"))
    analysis, undated = items[content["analysis"].pk], items[content["undated"].pk]
    assert (analysis["date"], analysis["date_precision"]) == ("2023-11-01", "month")
    assert undated["date"] is None
    assert undated["series"] is None and undated["authors"] == []
    assert [term["slug"] for term in analysis["regions"]] == ["cusco", "puno"]
    assert [term["name_es"] for term in analysis["topics"]] == ["Minería", "Agua"]


def test_a_news_item_alone_has_its_body_as_clean_html_with_absolute_links(
    client, news_index
):
    image = Image.objects.create(title="Lake", file=get_test_image_file())
    document = pdf_document("The report")
    other = NewsPageFactory(parent=news_index, title="Other", slug="other")
    page = NewsPageFactory(
        parent=news_index,
        title="Rich",
        slug="rich",
        body=json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": (
                        f'<p>See <a linktype="page" id="{other.pk}">the other</a>, '
                        '<a href="/about/">about us</a>, '
                        '<a href="https://example.org/x">elsewhere</a>, '
                        '<a href="javascript:alert(1)">this</a> and '
                        '<a href="notes/">notes</a>.</p>'
                        '<p class="lead" style="color: red">Hi<script>alert(2)'
                        "</script></p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Background", "level": "h2"}},
                {
                    "type": "image",
                    "value": {
                        "image": {
                            "image": image.pk,
                            "decorative": False,
                            "alt_text": "The lake at dawn",
                        },
                        "caption": "Lake Titicaca",
                        "credit": "",
                    },
                },
                {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
                {
                    "type": "document",
                    "value": {"document": document.pk, "label": "The report"},
                },
            ]
        ),
    )

    item = client.get(f"/api/v1/news/{page.pk}/").json()
    body = item["body"]

    assert body.startswith(
        '<p>See <a href="http://localhost/news/other/">the other</a>, '
        '<a href="http://localhost/about/">about us</a>, '
        '<a href="https://example.org/x">elsewhere</a>, <a>this</a> and '
        '<a href="http://localhost/news/rich/notes/">notes</a>.</p><p>Hi</p>'
        "<h2>Background</h2>"
    )
    assert 'src="http://localhost/media/images/' in body
    assert 'alt="The lake at dawn"' in body
    assert "<figcaption>Lake Titicaca</figcaption>" in body
    assert (
        '<p><a href="https://www.youtube.com/watch?v=abc">'
        "https://www.youtube.com/watch?v=abc</a></p>"
    ) in body
    assert f'<a href="http://localhost{document.url}">The report</a>' in body
    for absent in ("<script", "alert", "class=", "style=", "<iframe", "javascript"):
        assert absent not in body
    # Everything the listing says is said here too.
    listed = by_id(client.get("/api/v1/news/"))[page.pk]
    assert {key: value for key, value in item.items() if key != "body"} == listed


def test_a_news_item_without_a_body_has_an_empty_one(client, content):
    item = client.get(f"/api/v1/news/{content['undated'].pk}/").json()
    assert item["body"] == ""
    assert item["teaser"] == "Undated."


def test_a_publication_with_its_files(client, content):
    report = content["report"]
    files = list(report.files.select_related("document"))

    item = by_id(client.get("/api/v1/publications/"))[report.pk]

    assert item["title"] == "Conflict in the south"
    assert item["url"] == "http://localhost/publications/conflict-in-the-south/"
    assert (item["date"], item["date_precision"]) == ("2022-06-01", "day")
    assert item["kind"] == "report"
    assert item["summary"] == "A report on conflict.\n\nIts second paragraph."
    assert item["publisher"] == "King's College London"
    assert item["regions"] == [{"slug": "puno", "name": "Puno", "name_es": "Puno"}]
    assert item["topics"] == [{"slug": "water", "name": "Water", "name_es": "Agua"}]
    assert item["files"] == [
        {
            "title": "Conflict (English)",
            "language": "en",
            "url": f"http://localhost{files[0].document.url}",
            "size": files[0].document.file.size,
            "content_type": "application/pdf",
        },
        {
            "title": "Conflicto (español)",
            "language": "es",
            "url": f"http://localhost{files[1].document.url}",
            "size": files[1].document.file.size,
            "content_type": "application/pdf",
        },
    ]
    assert files[0].document.file.size > 500  # a real PDF, counted in bytes
    assert "description" not in item


def test_a_publication_alone_has_its_description(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        title="With a description",
        slug="described",
        description=(
            '<p>Read <a href="/news/">the news</a> too.</p>'
            "<p><img src=x onerror=alert(1)></p>"
        ),
    )
    item = client.get(f"/api/v1/publications/{page.pk}/").json()
    assert item["description"] == (
        '<p>Read <a href="http://localhost/news/">the news</a> too.</p>'
        '<p><img src="http://localhost/publications/described/x"></p>'
    )
    assert item["files"] == []


def test_events_give_times_in_their_own_zone(client, content):
    items = by_id(client.get("/api/v1/events/"))
    talk, webinar = items[content["talk"].pk], items[content["webinar"].pk]

    assert talk["start"] == "2025-06-12T18:30:00+01:00"
    assert talk["end"] == "2025-06-12T20:00:00+01:00"
    assert talk["time_zone"] == "Europe/London"
    assert talk["venue"] == "Amnesty International UK, 25 New Inn Yard, London"
    assert talk["online_url"] is None
    assert talk["registration_url"] == "https://example.org/register"
    assert talk["url"] == "http://localhost/events/talk-in-london/"
    lima = Region.objects.in_language().with_name_es().get(slug="lima-province")
    assert talk["regions"] == [
        {"slug": "lima-province", "name": lima.name, "name_es": lima.name_es}
    ]

    assert webinar["start"] == "2024-01-20T18:00:00-05:00"
    assert webinar["end"] == "2024-01-20T19:30:00-05:00"
    assert webinar["time_zone"] == "America/Lima"
    assert webinar["venue"] == ""
    assert webinar["online_url"] == "https://example.org/webinar"
    assert webinar["registration_url"] is None
    # The same moments as stored.
    assert moment(webinar["start"]) == content["webinar"].start


def test_an_event_alone_has_its_body(client, event_index, content):
    talk = content["talk"]
    talk.body = json.dumps(
        [{"type": "paragraph", "value": '<p>Map: <a href="/visit/">visit</a></p>'}]
    )
    talk.save_revision().publish()
    item = client.get(f"/api/v1/events/{talk.pk}/").json()
    assert item["body"] == '<p>Map: <a href="http://localhost/visit/">visit</a></p>'
    assert item["start"] == "2025-06-12T18:30:00+01:00"


def test_unknown_ids_are_a_json_404(client, content):
    for address in [
        "/api/v1/news/999999/",
        "/api/v1/news/abc/",
        "/api/v1/news/99999999999999999999999/",
        f"/api/v1/news/{content['report'].pk}/",  # a publication, not news
    ]:
        response = client.get(address)
        assert response.status_code == 404, address
        assert response.json()["detail"].startswith("There is no news item with the id")


# Vocabularies -----------------------------------------------------------------------


def test_regions_are_listed_whole_in_name_order(client, db):
    regions = client.get("/api/v1/regions/").json()
    assert len(regions) == Region.objects.in_language().count() == 26
    assert [region["name"] for region in regions] == sorted(
        region["name"] for region in regions
    )
    cusco = next(region for region in regions if region["slug"] == "cusco")
    assert cusco == {
        "slug": "cusco",
        "name": "Cusco",
        "name_es": "Cusco",
        "capital": "Cusco",
        "description": Region.objects.in_language().get(slug="cusco").description,
    }
    assert client.get("/api/v1/regions/cusco/").json() == cusco


def test_topics_are_listed_with_their_spanish_names(client, db):
    topics = client.get("/api/v1/topics/").json()
    assert len(topics) == Topic.objects.in_language().count()
    water = client.get("/api/v1/topics/water/").json()
    assert water in topics
    assert (water["name"], water["name_es"]) == ("Water", "Agua")
    assert set(water) == {"slug", "name", "name_es", "description"}


def test_series_name_their_region(client, content):
    Series.objects.in_language().create(name="Another series", slug="another")
    series = client.get("/api/v1/series/").json()
    assert series == [
        {
            "slug": "another",
            "name": "Another series",
            "description": "",
            "region": None,
        },
        {
            "slug": "letter-from-cajamarca",
            "name": "Letter from Cajamarca",
            "description": "",
            "region": {
                "slug": "cajamarca",
                "name": "Cajamarca",
                "name_es": "Cajamarca",
            },
        },
    ]
    assert client.get("/api/v1/series/another/").json() == series[0]


def test_an_unknown_slug_is_a_json_404(client, db):
    response = client.get("/api/v1/regions/atlantis/")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no region “atlantis”."}
