"""JSON-LD read back from the pages, as a search engine reads it."""

import datetime
import json

import pytest
from PIL import Image

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile

from wagtail.models import Page, get_page_models

from psg.events.tests.factories import EventPageFactory
from psg.home.models import HomePage
from psg.metadata.content import is_home_page
from psg.news.models import NewsPage
from psg.news.tests.factories import AuthorFactory, NewsPageFactory
from psg.publications.models import PublicationFile
from psg.publications.tests.factories import (
    DocumentFactory,
    PublicationFileFactory,
    PublicationPageFactory,
)
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import HOSTILE_TITLE, image_body, parse_head, publish

pytestmark = pytest.mark.django_db

LOGO = "http://localhost/static/img/logo.png"


def json_ld(client, url):
    """{@type: object} of every JSON-LD script on the page."""
    response = client.get(url)
    assert response.status_code == 200, url
    scripts = [script for script in parse_head(response).scripts if script["type"]]
    assert all(script["type"] == "application/ld+json" for script in scripts)
    objects = [json.loads(script["text"]) for script in scripts]
    for data in objects:
        assert data["@context"] == "https://schema.org"
    return {data["@type"]: data for data in objects}


def test_news_article(client, news_index, organisation, photo):
    author = AuthorFactory(name="Julia Urrunaga")
    page = NewsPageFactory(
        parent=news_index,
        title="Letter from Cajamarca (2): the rondas campesinas",
        date=datetime.date(2019, 3, 23),
        teaser="Hualgayoc is a cold and rather forbidding town.",
        kind="letter",
        series=SeriesFactory(name="Letter from Cajamarca", slug="letters"),
        body=image_body(photo),
    )
    page.authors.add(author)
    page.regions.add(region("cajamarca"))
    page.topics.add(topic("mining"))
    page = publish(page)
    url = "http://localhost/news/letter-from-cajamarca-2-the-rondas-campesinas/"

    article = json_ld(client, page.url)["NewsArticle"]

    assert article["headline"] == page.title
    assert article["description"] == page.teaser
    assert article["datePublished"] == "2019-03-23"
    assert article["dateModified"] == page.last_published_at.isoformat()
    assert article["author"] == [{"@type": "Person", "name": "Julia Urrunaga"}]
    publisher = article["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Peru Support Group"
    assert publisher["url"] == "http://localhost/"
    assert publisher["logo"]["url"] == LOGO
    with Image.open(finders.find("img/logo.png")) as logo:
        assert logo.format == "PNG" and logo.size == (512, 512)
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["url"] == url
    (image,) = article["image"]
    assert image.startswith("http://localhost/media/images/")
    assert article["about"] == [
        {
            "@type": "AdministrativeArea",
            "name": "Cajamarca",
            "containedInPlace": {"@type": "Country", "name": "Peru"},
        },
        {"@type": "Thing", "name": "Mining"},
    ]
    assert article["keywords"] == ["Cajamarca", "Mining"]
    assert article["inLanguage"] == "en-GB"
    assert article["articleSection"] == "Letter"
    assert article["isPartOf"]["name"] == "Letter from Cajamarca"


def test_unsigned_undated_news_is_the_organisations(client, news_index):
    page = publish(NewsPageFactory(parent=news_index, title="Archive item", date=None))
    article = json_ld(client, page.url)["NewsArticle"]
    assert article["author"][0]["name"] == "Peru Support Group"
    assert article["datePublished"] == page.first_published_at.isoformat()
    assert "image" not in article and "about" not in article


def test_report(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        title="Water and mining in Apurímac",
        date=datetime.date(2021, 9, 1),
        date_precision="month",
        summary="How the mines use the water.\n\nA second paragraph.",
        kind="report",
        publisher="Amazon Frontiers Research Network",
    )
    page.regions.add(region("apurimac"))
    page.topics.add(topic("water"))
    english = DocumentFactory(
        title="Water report", file=ContentFile(b"%PDF-1.4 en", name="water.pdf")
    )
    spanish = DocumentFactory(
        title="Informe agua", file=ContentFile(b"%PDF-1.4 es!", name="agua.pdf")
    )
    PublicationFileFactory(publication=page, document=english, sort_order=0)
    PublicationFileFactory(
        publication=page,
        document=spanish,
        language=PublicationFile.Language.SPANISH,
        sort_order=1,
    )
    page = publish(page)

    report = json_ld(client, page.url)["Report"]

    assert report["name"] == "Water and mining in Apurímac"
    assert report["datePublished"] == "2021-09-01"
    assert report["description"] == "How the mines use the water."
    assert report["publisher"] == {
        "@type": "Organization",
        "name": "Amazon Frontiers Research Network",
    }
    assert "author" not in report
    assert report["inLanguage"] == ["en", "es"]
    assert report["encoding"] == [
        {
            "@type": "MediaObject",
            "name": "Water report",
            "contentUrl": f"http://localhost{english.url}",
            "encodingFormat": "application/pdf",
            "inLanguage": "en",
            "contentSize": "11 B",
        },
        {
            "@type": "MediaObject",
            "name": "Informe agua",
            "contentUrl": f"http://localhost{spanish.url}",
            "encodingFormat": "application/pdf",
            "inLanguage": "es",
            "contentSize": "12 B",
        },
    ]
    assert [thing["name"] for thing in report["about"]] == ["Apurímac", "Water"]
    assert report["url"] == f"http://localhost{page.url}"


def test_a_psg_report_names_the_psg(client, publication_index):
    page = publish(PublicationPageFactory(parent=publication_index, publisher=""))
    report = json_ld(client, page.url)["Report"]
    assert report["publisher"]["name"] == "Peru Support Group"
    assert report["publisher"]["logo"]["url"] == LOGO
    assert report["author"]["name"] == "Peru Support Group"
    assert report["inLanguage"] == "en-GB"
    assert "encoding" not in report


def test_events_in_their_own_time_zone_and_place(client, event_index):
    start = datetime.datetime(2025, 6, 12, 23, 30, tzinfo=datetime.UTC)
    in_lima = publish(
        EventPageFactory(
            parent=event_index,
            title="Launch in Lima",
            start=start,
            end=start + datetime.timedelta(hours=2),
            time_zone="America/Lima",
            venue="Centro Cultural de España",
            address="Natalio Sánchez 181\nSanta Beatriz\nLima",
            online_url="",
            organisers="CooperAcción and the PSG",
            registration_url="https://example.org/register",
            summary="The report's launch.",
        )
    )
    online = publish(
        EventPageFactory(
            parent=event_index,
            title="Webinar",
            start=start,
            end=start + datetime.timedelta(hours=1),
            time_zone="Europe/London",
            venue="",
            address="",
            online_url="https://meet.example.org/psg",
        )
    )
    hybrid = publish(
        EventPageFactory(
            parent=event_index,
            title="Annual meeting",
            venue="Amnesty International UK",
            address="25 New Inn Yard\nLondon\nEC2A 3EA",
            online_url="https://meet.example.org/agm",
        )
    )

    event = json_ld(client, in_lima.url)["Event"]
    assert event["name"] == "Launch in Lima"
    assert event["startDate"] == "2025-06-12T18:30:00-05:00"
    assert event["endDate"] == "2025-06-12T20:30:00-05:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert (
        event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    )
    assert event["location"] == {
        "@type": "Place",
        "name": "Centro Cultural de España",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Natalio Sánchez 181, Santa Beatriz, Lima",
        },
    }
    assert event["organizer"] == {
        "@type": "Organization",
        "name": "CooperAcción and the PSG",
    }
    assert event["description"] == "The report's launch."
    assert event["url"] == f"http://localhost{in_lima.url}"
    assert event["offers"]["url"] == "https://example.org/register"

    webinar = json_ld(client, online.url)["Event"]
    assert webinar["startDate"] == "2025-06-13T00:30:00+01:00"
    assert (
        webinar["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    )
    assert webinar["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/psg",
    }
    assert webinar["organizer"]["name"] == "Peru Support Group"

    meeting = json_ld(client, hybrid.url)["Event"]
    assert (
        meeting["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    )
    place, virtual = meeting["location"]
    assert place["name"] == "Amnesty International UK"
    assert place["address"] == {
        "@type": "PostalAddress",
        "postalCode": "EC2A 3EA",
        "addressLocality": "London",
        "streetAddress": "25 New Inn Yard",
        "addressCountry": "GB",
    }
    assert virtual == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/agm",
    }


def test_organisation_on_the_home_page(client, home_page, organisation):
    objects = json_ld(client, "/")
    assert set(objects) == {"Organization"}
    org = objects["Organization"]
    assert org["name"] == "Peru Support Group"
    assert org["url"] == "http://localhost/"
    assert org["logo"]["url"] == LOGO
    assert org["email"] == "info@perusupportgroup.org.uk"
    assert org["telephone"] == "020 7000 0000"
    assert org["address"] == {
        "@type": "PostalAddress",
        "postalCode": "N1 9ZQ",
        "addressLocality": "London",
        "streetAddress": "PO Box 70412",
        "addressCountry": "GB",
    }
    assert org["sameAs"] == [
        "https://x.com/PeruSupportGrp",
        "https://bsky.app/profile/psg.example",
    ]
    assert org["identifier"]["value"] == "1155323"


def test_the_home_page_is_known_by_its_depth(home_page, news_index):
    """The JSON-LD and the sitemap know the home page without importing it."""
    root = Page.get_first_root_node()
    under_root = [
        model
        for model in get_page_models()
        if model.is_creatable and model.can_exist_under(root)
    ]
    assert under_root == [HomePage]
    assert HomePage.max_count == 1
    assert is_home_page(home_page)
    assert not is_home_page(news_index)


def test_breadcrumbs_where_the_page_shows_them(client, home_page, news_index):
    about = publish(StandardPageFactory(parent=home_page, title="About", slug="about"))
    aims = publish(StandardPageFactory(parent=about, title="Our aims", slug="aims"))
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    publish(NewsPageFactory(parent=news_index, series=series))

    crumbs = json_ld(client, aims.url)["BreadcrumbList"]["itemListElement"]
    assert crumbs == [
        {
            "@type": "ListItem",
            "position": 1,
            "name": "Home",
            "item": "http://localhost/",
        },
        {
            "@type": "ListItem",
            "position": 2,
            "name": "About",
            "item": "http://localhost/about/",
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Our aims",
            "item": "http://localhost/about/aims/",
        },
    ]
    series_crumbs = json_ld(client, "/news/series/letter-from-puno/")["BreadcrumbList"][
        "itemListElement"
    ]
    assert [(c["name"], c["item"]) for c in series_crumbs] == [
        ("All news", "http://localhost/news/"),
        ("Letter from Puno", "http://localhost/news/series/letter-from-puno/"),
    ]
    # No trail on the home page or the news index, so no BreadcrumbList.
    assert "BreadcrumbList" not in json_ld(client, "/")
    assert "BreadcrumbList" not in json_ld(client, "/news/")


def test_a_hostile_title_stays_inside_the_json(client, news_index, publication_index):
    news = publish(NewsPageFactory(parent=news_index, title=HOSTILE_TITLE))
    report = publish(
        PublicationPageFactory(parent=publication_index, title=HOSTILE_TITLE)
    )
    for url, kind, key in [
        (news.url, "NewsArticle", "headline"),
        (report.url, "Report", "name"),
    ]:
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert html.count("<script") == html.count("</script>")
        objects = json_ld(client, url)
        assert objects[kind][key] == HOSTILE_TITLE
        crumbs = objects["BreadcrumbList"]["itemListElement"]
        assert crumbs[-1]["name"] == HOSTILE_TITLE


def test_a_new_page_in_preview_has_metadata_without_nulls(news_index):
    """The admin previews a page that was never saved: no dates, no id."""
    page = NewsPage(title="Not yet saved", teaser="A draft.")
    page.path = news_index.path + "9999"
    page.depth = news_index.depth + 1
    page.url_path = news_index.url_path + "not-yet-saved/"

    response = page.make_preview_request()

    assert response.status_code == 200
    head = parse_head(response)
    assert head.property("og:url") == ["http://localhost/news/not-yet-saved/"]
    (article,) = [
        json.loads(script["text"])
        for script in head.scripts
        if script["type"] == "application/ld+json" and '"NewsArticle"' in script["text"]
    ]
    assert article["headline"] == "Not yet saved"
    assert "datePublished" not in article and "dateModified" not in article
    assert None not in article.values()
