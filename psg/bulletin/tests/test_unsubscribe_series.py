"""The personal unsubscribe link with series: keep some, leave all, and the
one-click POST leaving the series of the message it came from (RFC 8058)."""

import re

import pytest

from django.test import Client

from psg.bulletin.bounces import Outcome, record_bounce
from psg.bulletin.models import BulletinSeries, Subscriber
from psg.bulletin.sending import recipients
from psg.bulletin.unsubscribe import unsubscribe_url
from psg.core.tests.helpers import page_text
from psg.members.models import Consent
from psg.members.tests.factories import MemberFactory

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.fixture
def update():
    return BulletinSeries.objects.get(slug="update")


@pytest.fixture
def peru_news():
    return BulletinSeries.objects.get(slug="peru-news")


def path_of(subscriber, series=None):
    return unsubscribe_url(subscriber, series).removeprefix("http://testserver")


def one_click(subscriber, series=None):
    return Client(enforce_csrf_checks=True).post(
        path_of(subscriber, series),
        data=ONE_CLICK,
        content_type="application/x-www-form-urlencoded",
    )


def series_of(subscriber):
    return sorted(subscriber.series.values_list("slug", flat=True))


def member_with_both(update, peru_news):
    member = MemberFactory(email="rosa@example.org")
    member.record_consent(
        Consent.Kind.BULLETIN, True, "Old wording", "2025-1", Consent.Source.JOIN_FORM
    )
    subscriber = Subscriber.objects.get(member=member)
    subscriber.subscriptions.create(series=peru_news)
    return member, subscriber


def test_the_page_offers_to_keep_each_series_leaving_the_messages_one(
    site, update, peru_news
):
    subscriber = SubscriberFactory(series=[update, peru_news])

    response = Client(enforce_csrf_checks=True).get(path_of(subscriber, update))

    html = response.content.decode()
    boxes = dict(
        re.findall(
            r'<input type="checkbox" name="keep" [^>]*value="([^"]+)"([^>]*)>', html
        )
    )
    assert set(boxes) == {"update", "peru-news"}
    assert "checked" not in boxes["update"]
    assert "checked" in boxes["peru-news"]
    assert "Keep getting" in page_text(response)
    assert "Unsubscribe from all" in page_text(response)
    assert 'name="csrfmiddlewaretoken"' not in html
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert series_of(subscriber) == ["peru-news", "update"]


def test_keeping_one_series(site, update, peru_news):
    subscriber = SubscriberFactory(series=[update, peru_news])

    response = Client(enforce_csrf_checks=True).post(
        path_of(subscriber, update), {"keep": ["peru-news"]}
    )

    assert response.status_code == 200
    assert "Your choice is saved" in page_text(response)
    assert "We will send only Peru News" in page_text(response)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert series_of(subscriber) == ["peru-news"]


def test_keeping_nothing_or_leaving_all_unsubscribes(site, update, peru_news):
    first = SubscriberFactory(series=[update, peru_news])
    second = SubscriberFactory(series=[update, peru_news])
    client = Client(enforce_csrf_checks=True)

    kept_nothing = client.post(path_of(first, update), {})
    left_all = client.post(path_of(second), {"keep": ["update"], "leave_all": "1"})

    for subscriber, response in [(first, kept_nothing), (second, left_all)]:
        assert "You have unsubscribed" in page_text(response)
        subscriber.refresh_from_db()
        assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
        assert series_of(subscriber) == []


def test_one_click_leaves_only_the_series_of_the_message(site, update, peru_news):
    subscriber = SubscriberFactory(series=[update, peru_news])

    response = one_click(subscriber, peru_news)

    assert response.status_code == 200
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert series_of(subscriber) == ["update"]


def test_one_click_on_the_last_series_unsubscribes(site, update):
    subscriber = SubscriberFactory(series=[update])

    one_click(subscriber, update)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert series_of(subscriber) == []


def test_one_click_without_a_series_leaves_all(site, update, peru_news):
    """Messages sent before links named their series."""
    subscriber = SubscriberFactory(series=[update, peru_news])

    one_click(subscriber)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert series_of(subscriber) == []


def test_one_click_for_a_series_not_received_changes_nothing(site, update, peru_news):
    subscriber = SubscriberFactory(series=[update])

    assert one_click(subscriber, peru_news).status_code == 200

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert series_of(subscriber) == ["update"]


def test_one_click_naming_an_unknown_series_leaves_all(site, update, peru_news):
    subscriber = SubscriberFactory(series=[update, peru_news])

    one_click(subscriber, "no-such-series")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_member_keeps_their_consent_while_a_series_is_left(site, update, peru_news):
    member, subscriber = member_with_both(update, peru_news)

    one_click(subscriber, peru_news)

    member.refresh_from_db()
    assert member.bulletin_consent is True
    assert member.consents.filter(kind=Consent.Kind.BULLETIN).count() == 1
    assert series_of(subscriber) == ["update"]

    one_click(subscriber, update)

    member.refresh_from_db()
    assert member.bulletin_consent is False
    withdrawal = member.consents.filter(kind=Consent.Kind.BULLETIN).first()
    assert withdrawal.given is False
    assert withdrawal.source == Consent.Source.UNSUBSCRIBE
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_member_who_keeps_nothing_on_the_page_withdraws_consent(
    site, update, peru_news
):
    member, subscriber = member_with_both(update, peru_news)

    Client(enforce_csrf_checks=True).post(path_of(subscriber), {"leave_all": "1"})

    member.refresh_from_db()
    assert member.bulletin_consent is False
    assert series_of(subscriber) == []


def test_a_single_series_shows_one_button(site, update):
    subscriber = SubscriberFactory(series=[update])

    response = Client().get(path_of(subscriber, update))

    assert "Press Unsubscribe" in page_text(response)
    assert 'type="checkbox"' not in response.content.decode()


def test_a_bouncing_address_gets_nothing_from_any_series(site, update, peru_news):
    subscriber = SubscriberFactory(email="gone@example.org", series=[update, peru_news])

    record_bounce(subscriber.pk, Outcome.HARD, "5.1.1 No such user")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED
    assert subscriber not in recipients(update)
    assert subscriber not in recipients(peru_news)
    # What it received stays, for when the secretary clears it.
    assert series_of(subscriber) == ["peru-news", "update"]
