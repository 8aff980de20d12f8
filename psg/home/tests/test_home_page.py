import datetime

import pytest

from django.utils import timezone

from psg.events.tests.factories import EventIndexPageFactory, EventPageFactory
from psg.home.models import HomePage
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.publications.tests.factories import (
    PublicationIndexPageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_shows_news_publication_and_upcoming_events(client, home_page):
    news = NewsIndexPageFactory(parent=home_page)
    for day in range(1, 9):
        NewsPageFactory(
            parent=news, title=f"News {day}", date=datetime.date(2019, 3, day)
        )
    publications = PublicationIndexPageFactory(parent=home_page)
    PublicationPageFactory(
        parent=publications, title="Older report", date=datetime.date(2008, 1, 1)
    )
    newest = PublicationPageFactory(
        parent=publications, title="Newest report", date=datetime.date(2017, 11, 1)
    )
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Upcoming talk")
    EventPageFactory(
        parent=events,
        title="Old talk",
        start=timezone.now() - datetime.timedelta(days=9),
    )

    response = client.get("/")
    html = response.content.decode()

    assert [p.title for p in response.context["latest_news"]] == [
        f"News {day}" for day in range(8, 2, -1)
    ]
    assert "What happened in News 8." in html
    assert '<time datetime="2019-03-08">8 March 2019</time>' in html
    assert response.context["featured_publication"] == newest
    assert "Upcoming talk" in html and "Old talk" not in html
    assert 'href="/news/"' in html


def test_editor_can_choose_the_featured_publication(client, home_page):
    publications = PublicationIndexPageFactory(parent=home_page)
    chosen = PublicationPageFactory(parent=publications, date=datetime.date(2001, 1, 1))
    PublicationPageFactory(parent=publications, date=datetime.date(2020, 1, 1))
    home_page.featured_publication = chosen
    home_page.save_revision().publish()
    assert client.get("/").context["featured_publication"] == chosen


def test_empty_home_page_still_renders(client, home_page):
    html = client.get("/").content.decode()
    assert "No news yet." in html
    assert "No events are planned at the moment." in html


def test_home_page_is_the_only_one(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())
