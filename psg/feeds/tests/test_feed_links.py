"""The feeds every page offers: autodiscovery links in <head> and the footer."""

import datetime

import pytest

from django.template import Context, Template
from django.test import RequestFactory

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.models import RegionIndexPage
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import alternates, publish

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
def pages(home_page, news_index, publication_index, event_index):
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    news = NewsPageFactory(
        parent=news_index,
        title="Strike in Juliaca",
        date=datetime.date(2024, 3, 12),
        series=series,
    )
    news.regions.add(region("puno"))
    news.topics.add(topic("water"))
    publication = PublicationPageFactory(parent=publication_index, title="Report")
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
        for feed in SITE_FEEDS:
            assert feed in alternates(response), (url, feed)


def test_a_series_page_links_its_own_feed_first(client, pages):
    response = client.get(pages["series"])
    assert alternates(response)[:2] == [
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
    assert alternates(client.get(pages["news"].url)) == SITE_FEEDS


def test_region_and_topic_pages_link_their_feeds(rf, site):
    """Any page with ``region`` or ``topic`` in its context (the term pages)."""
    request = RequestFactory().get("/regions/cajamarca/")
    template = Template("{% load psg_feeds %}{% feed_links %}")
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
    index = RegionIndexPage(title="Regions", slug="regions")
    home_page.add_child(instance=index)
    publish(index)
    response = client.get("/regions/cajamarca/")
    assert response.status_code == 200
    links = alternates(response)
    assert links[0][2] == "http://localhost/feeds/regions/cajamarca.rss"
    assert links[1][2] == "http://localhost/feeds/regions/cajamarca.atom"


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


def test_feed_links_follow_the_site_address(client, site, pages):
    site.hostname, site.port = "psg.example.org", 443
    site.save()
    links = alternates(client.get("/news/strike-in-juliaca/"))
    assert "application/rss+xml" in [kind for kind, _, _ in links]
    assert all(
        href.startswith("https://psg.example.org/feeds/") for _, _, href in links
    )
