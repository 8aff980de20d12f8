"""What every page's <head> offers: feed links, canonical address, sharing tags."""

import datetime

import pytest

from django.template import Context, Template
from django.test import RequestFactory

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import image_body, parse_head, publish

pytestmark = pytest.mark.django_db

SITE_FEEDS = [
    (
        "application/rss+xml",
        "Peru Support Group — News (RSS)",
        "http://localhost/feeds/news.rss",
    ),
    (
        "application/atom+xml",
        "Peru Support Group — News (Atom)",
        "http://localhost/feeds/news.atom",
    ),
    (
        "application/rss+xml",
        "Peru Support Group — Publications (RSS)",
        "http://localhost/feeds/publications.rss",
    ),
    (
        "application/atom+xml",
        "Peru Support Group — Publications (Atom)",
        "http://localhost/feeds/publications.atom",
    ),
]


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


def test_every_page_type_links_the_site_feeds(client, pages, organisation):
    urls = [url_of(page) for page in pages.values()]
    urls += ["/no-such-page/", "/bulletin/", "/join/", "/bulletin/subscribe/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        alternates = parse_head(response).alternates()
        for feed in SITE_FEEDS:
            assert feed in alternates, (url, feed)


def test_a_series_page_links_its_own_feed_first(client, pages):
    response = client.get(pages["series"])
    alternates = parse_head(response).alternates()
    assert alternates[:2] == [
        (
            "application/rss+xml",
            "Peru Support Group — Letter from Puno (RSS)",
            "http://localhost/feeds/series/letter-from-puno.rss",
        ),
        (
            "application/atom+xml",
            "Peru Support Group — Letter from Puno (Atom)",
            "http://localhost/feeds/series/letter-from-puno.atom",
        ),
    ]
    assert client.get("/feeds/series/letter-from-puno.rss").status_code == 200
    # Other pages offer no term feed.
    news_alternates = parse_head(client.get(pages["news"].url)).alternates()
    assert news_alternates == SITE_FEEDS


def test_region_and_topic_pages_link_their_feeds(rf, site):
    """Any page with ``region`` or ``topic`` in its context (the term pages)."""
    request = RequestFactory().get("/regions/cajamarca/")
    template = Template("{% load psg_metadata %}{% feed_links %}")
    for name, term, url in [
        ("region", region("cajamarca"), "http://localhost/feeds/regions/cajamarca"),
        ("topic", topic("mining"), "http://localhost/feeds/topics/mining"),
    ]:
        output = template.render(Context({"request": request, name: term}))
        assert (
            f'<link rel="alternate" type="application/rss+xml" title="Peru Support '
            f'Group — {term.name} (RSS)" href="{url}.rss">'
        ) in output
        assert (
            f'<link rel="alternate" type="application/atom+xml" title="Peru Support '
            f'Group — {term.name} (Atom)" href="{url}.atom">'
        ) in output
        assert output.index(url) < output.index("/feeds/news.rss")


def test_term_pages_of_the_site_link_their_feeds(client, home_page):
    from psg.taxonomy import models as taxonomy_models

    index_model = getattr(taxonomy_models, "RegionIndexPage", None)
    if index_model is None:
        pytest.skip("the site has no region pages")
    index = index_model(title="Regions", slug="regions")
    home_page.add_child(instance=index)
    publish(index)
    response = client.get("/regions/cajamarca/")
    assert response.status_code == 200
    alternates = parse_head(response).alternates()
    assert alternates[0][2] == "http://localhost/feeds/regions/cajamarca.rss"
    assert alternates[1][2] == "http://localhost/feeds/regions/cajamarca.atom"


def test_the_footer_shows_the_feeds(client, pages):
    html = client.get(pages["series"]).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<nav class="site-footer__feeds" aria-label="Feeds">' in footer
    for label, url in [
        ("Letter from Puno", "http://localhost/feeds/series/letter-from-puno"),
        ("News", "http://localhost/feeds/news"),
        ("Publications", "http://localhost/feeds/publications"),
    ]:
        assert (
            f'<a href="{url}.rss" type="application/rss+xml">RSS'
            f'<span class="visually-hidden"> ({label})</span></a>'
        ) in footer
        assert f'<a href="{url}.atom" type="application/atom+xml">Atom' in footer


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
    assert ("application/rss+xml") in [kind for kind, _, _ in head.alternates()]
    assert all(
        href.startswith("https://psg.example.org/feeds/")
        for _, _, href in head.alternates()
    )


def test_pages_stay_publicly_cacheable(client, pages):
    for key in ("home", "news", "series", "publication", "event"):
        response = client.get(url_of(pages[key]))
        assert "public" in response["Cache-Control"], key
        assert not response.cookies, key
        assert "csrfmiddlewaretoken" not in response.content.decode(), key
