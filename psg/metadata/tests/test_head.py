"""What every page's <head> says: canonical address, sharing tags."""

import datetime

import pytest

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import image_body, parse_head, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page, news_index, publication_index, event_index, photo):
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    news = NewsPageFactory(
        parent=news_index,
        title="Strike in Juliaca",
        date=datetime.date(2024, 3, 12),
        teaser="Transport workers stopped the city.",
        series=series,
        body=image_body(photo),
    )
    news.regions.add(region("puno"))
    news.topics.add(topic("water"))
    publication = PublicationPageFactory(
        parent=publication_index, title="Water report", cover_image=photo
    )
    event = EventPageFactory(parent=event_index, title="Film night")
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    return {
        "home": home_page,
        "news index": news_index,
        "news": publish(news),
        "series": "/news/series/letter-from-puno/",
        "publications": publication_index,
        "publication": publish(publication),
        "events": event_index,
        "event": publish(event),
        "standard": publish(about),
    }


def url_of(page):
    return page if isinstance(page, str) else page.url


def test_sharing_tags_on_a_news_page(client, pages, organisation):
    page = pages["news"]
    head = parse_head(client.get(page.url + "?utm_source=newsletter&fbclid=abc"))
    url = "http://localhost/news/strike-in-juliaca/"

    assert head.property("og:url") == [url]
    assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [
        url
    ]
    assert head.property("og:type") == ["article"]
    assert head.property("og:title") == ["Strike in Juliaca"]
    assert head.property("og:description") == ["Transport workers stopped the city."]
    assert head.property("og:site_name") == ["Peru Support Group"]
    assert head.property("og:locale") == ["en_GB"]
    (image,) = head.property("og:image")
    assert image.startswith("http://localhost/media/images/")
    assert head.property("og:image:width") == ["640"]
    assert head.property("og:image:height") == ["480"]
    assert head.property("og:image:alt") == ["Marchers crossing the bridge in Juliaca"]
    assert client.get(image.removeprefix("http://localhost")).status_code == 200
    assert head.property("article:published_time") == ["2024-03-12T12:00:00+00:00"]
    (modified,) = head.property("article:modified_time")
    assert modified.startswith(str(page.last_published_at.date()))
    assert head.property("article:section") == ["News"]
    assert head.property("article:tag") == ["Puno", "Water"]
    assert head.property("twitter:card") == ["summary_large_image"]
    assert head.property("twitter:title") == ["Strike in Juliaca"]
    assert head.property("twitter:description") == [
        "Transport workers stopped the city."
    ]
    assert head.property("twitter:image") == [image]
    assert head.property("twitter:site") == ["@PeruSupportGrp"]


def test_sharing_tags_on_other_pages(client, pages):
    for key in ("home", "news index", "series", "publication", "event", "standard"):
        head = parse_head(client.get(url_of(pages[key])))
        assert head.property("og:type") == ["website"], key
        (url,) = head.property("og:url")
        assert url.startswith("http://localhost/"), key
        assert head.property("og:title") and head.property("og:description"), key
        assert head.property("twitter:card"), key
        assert not head.property("article:published_time"), key

    publication = parse_head(client.get(pages["publication"].url))
    assert publication.property("og:image")[0].startswith("http://localhost/media/")
    assert publication.property("og:image:alt") == ["Cover of “Water report”"]
    assert publication.property("twitter:card") == ["summary_large_image"]

    standard = parse_head(client.get(pages["standard"].url))
    assert standard.property("og:image") == []
    assert standard.property("twitter:card") == ["summary"]
    assert standard.property("og:title") == ["About us"]

    series = parse_head(client.get(pages["series"]))
    assert series.property("og:title") == ["Letter from Puno"]
    assert series.property("og:url") == [
        "http://localhost/news/series/letter-from-puno/"
    ]


def test_canonical_addresses_of_listings(client, pages, publication_index):
    for number in range(30):
        PublicationPageFactory(parent=publication_index, title=f"Report {number}")
    cases = {
        "/publications/?utm_campaign=x": "http://localhost/publications/",
        "/publications/?page=2&utm_source=y": "http://localhost/publications/?page=2",
        "/publications/?kind=report&page=2&gclid=z": (
            "http://localhost/publications/?kind=report&page=2"
        ),
        "/publications/?kind=nonsense": "http://localhost/publications/",
        "/publications/?page=1": "http://localhost/publications/",
        "/publications/?page=abc": "http://localhost/publications/",
        "/news/series/letter-from-puno/?utm_medium=email": (
            "http://localhost/news/series/letter-from-puno/"
        ),
        "/about/?page=3": "http://localhost/about/",
        "/?ref=twitter": "http://localhost/",
    }
    for url, canonical in cases.items():
        head = parse_head(client.get(url))
        links = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert links == [canonical], url
        assert head.property("og:url") == [canonical], url


def test_canonical_and_sharing_tags_follow_the_site_address(client, site, pages):
    site.hostname, site.port = "psg.example.org", 443
    site.save()
    head = parse_head(client.get("/news/strike-in-juliaca/"))
    assert head.property("og:url") == [
        "https://psg.example.org/news/strike-in-juliaca/"
    ]
    assert head.property("og:image")[0].startswith("https://psg.example.org/media/")


def test_pages_stay_publicly_cacheable(client, pages):
    for key in ("home", "news", "series", "publication", "event"):
        response = client.get(url_of(pages[key]))
        assert "public" in response["Cache-Control"], key
        assert not response.cookies, key
        assert "csrfmiddlewaretoken" not in response.content.decode(), key
