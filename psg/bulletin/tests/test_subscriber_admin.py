"""Subscribers in the admin: the series each receives, shown, filtered and
edited."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.core.tests.helpers import page_text
from psg.members.tests.factories import MemberFactory, secretary_user

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(client):
    user = secretary_user()
    client.force_login(user)
    return user


@pytest.fixture
def update():
    return BulletinSeries.objects.get(slug="update")


@pytest.fixture
def peru_news():
    return BulletinSeries.objects.get(slug="peru-news")


def test_the_list_shows_and_filters_by_series(client, secretary, update, peru_news):
    SubscriberFactory(email="both@example.org", series=[update, peru_news])
    SubscriberFactory(email="news@example.org", series=[peru_news])
    SubscriberFactory(email="update@example.org", series=[update])
    index = reverse("bulletin_subscribers:index")

    everyone = page_text(client.get(index))
    news = client.get(index, {"series": peru_news.pk}).content.decode()

    assert "Series All Newsletter Peru News Update" in everyone
    assert "both@example.org" in everyone
    assert "Peru News, Update" in everyone
    assert "news@example.org" in news
    assert "both@example.org" in news
    assert "update@example.org" not in news


def test_a_bad_series_filter_is_not_an_error(client, secretary):
    SubscriberFactory(email="someone@example.org")

    response = client.get(reverse("bulletin_subscribers:index"), {"series": "abc"})

    assert response.status_code == 200


def test_the_list_does_not_query_per_subscriber(client, secretary, update, peru_news):
    index = reverse("bulletin_subscribers:index")

    def queries_after_adding(count):
        for _ in range(count):
            SubscriberFactory(series=[update, peru_news], member=MemberFactory())
        with CaptureQueriesContext(connection) as captured:
            response = client.get(index)
        assert response.status_code == 200
        return len(captured), response.content.decode().count("Peru News, Update")

    client.get(index)  # what each worker keeps (psg.core.structure) is read
    few, shown_few = queries_after_adding(2)
    many, shown_many = queries_after_adding(10)

    assert (shown_few, shown_many) == (2, 12)
    assert many == few


def test_the_secretary_changes_the_series_of_an_address(
    client, secretary, update, peru_news
):
    subscriber = SubscriberFactory(email="lucia@example.org", series=[update])
    url = reverse("bulletin_subscribers:edit", args=[subscriber.pk])

    form = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "email": "lucia@example.org",
            "name": subscriber.name,
            "status": "subscribed",
            "series": [str(update.pk), str(peru_news.pk)],
            "soft_bounce_count": "0",
        },
    )

    assert re.search(r'type="checkbox" name="series"', form)
    assert response.status_code == 302
    assert sorted(subscriber.series.values_list("slug", flat=True)) == [
        "peru-news",
        "update",
    ]


def test_a_subscribed_address_needs_a_series(client, secretary, update):
    subscriber = SubscriberFactory(email="lucia@example.org", series=[update])

    response = client.post(
        reverse("bulletin_subscribers:edit", args=[subscriber.pk]),
        {
            "email": "lucia@example.org",
            "name": subscriber.name,
            "status": "subscribed",
            "soft_bounce_count": "0",
        },
    )

    assert response.status_code == 200
    assert "Tick at least one series" in page_text(response)
    assert list(subscriber.series.all()) == [update]


def test_the_inspect_page_names_the_series(client, secretary, update):
    subscriber = SubscriberFactory(series=[update], status=Subscriber.Status.BOUNCED)

    response = client.get(reverse("bulletin_subscribers:inspect", args=[subscriber.pk]))

    assert response.status_code == 200
    assert "Series Update" in page_text(response)
