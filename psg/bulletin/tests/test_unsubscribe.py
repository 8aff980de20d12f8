"""Unsubscribing by the personal link in every bulletin: the page and its
button, and the one-click POST mail programs send (RFC 8058)."""

import pytest

from django.test import Client

from psg.bulletin.models import Subscriber
from psg.bulletin.unsubscribe import unsubscribe_headers, unsubscribe_url
from psg.core.tests.helpers import page_text
from psg.members.models import Consent
from psg.members.tests.factories import MemberFactory

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db

ONE_CLICK = "List-Unsubscribe=One-Click"


def path_of(subscriber):
    return unsubscribe_url(subscriber).removeprefix("http://testserver")


def one_click(subscriber):
    """The POST a mail provider sends: no cookie, no CSRF token."""
    return Client(enforce_csrf_checks=True).post(
        path_of(subscriber),
        data=ONE_CLICK,
        content_type="application/x-www-form-urlencoded",
    )


def test_the_headers_name_the_personal_link():
    subscriber = SubscriberFactory.build(unsubscribe_token="abc123")

    headers = unsubscribe_headers(subscriber)

    assert headers == {
        "List-Unsubscribe": "<http://testserver/bulletin/unsubscribe/abc123/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_every_subscriber_has_their_own_secret():
    first, second = SubscriberFactory(), SubscriberFactory()

    assert len(first.unsubscribe_token) >= 32
    assert first.unsubscribe_token != second.unsubscribe_token


def test_following_the_link_only_shows_a_button(site):
    subscriber = SubscriberFactory(email="lucia@example.org")
    client = Client(enforce_csrf_checks=True)

    response = client.get(path_of(subscriber))

    assert response.status_code == 200
    assert "Press Unsubscribe" in page_text(response)
    assert "lucia@example.org" in page_text(response)
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_pressing_the_button_unsubscribes(site):
    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)

    response = client.post(path_of(subscriber))

    assert response.status_code == 200
    assert "You have unsubscribed" in page_text(response)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert "is not subscribed" in page_text(client.get(path_of(subscriber)))


def test_the_one_click_post_unsubscribes_without_cookie_or_csrf_token(site):
    subscriber = SubscriberFactory()

    response = one_click(subscriber)

    assert response.status_code == 200
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribing_twice_changes_nothing(site):
    subscriber = SubscriberFactory()
    one_click(subscriber)
    subscriber.refresh_from_db()
    first = subscriber.unsubscribed_at

    assert one_click(subscriber).status_code == 200

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at == first


def test_a_members_consent_is_withdrawn_with_a_new_consent_row(site):
    member = MemberFactory()
    member.record_consent(
        Consent.Kind.BULLETIN, True, "Old wording", "2025-1", Consent.Source.JOIN_FORM
    )
    subscriber = Subscriber.objects.get(member=member)

    one_click(subscriber)
    one_click(subscriber)

    member.refresh_from_db()
    assert member.bulletin_consent is False
    withdrawal = member.consents.filter(kind=Consent.Kind.BULLETIN).first()
    assert withdrawal.given is False
    assert withdrawal.source == Consent.Source.UNSUBSCRIBE
    assert withdrawal.wording == "Send me the PSG bulletin by email."
    assert withdrawal.wording_version == "2026-1"
    assert member.consents.filter(kind=Consent.Kind.BULLETIN).count() == 2


def test_an_unknown_link_is_not_found(site):
    client = Client(enforce_csrf_checks=True)

    assert client.get("/bulletin/unsubscribe/not-a-token/").status_code == 404
    assert (
        client.post(
            "/bulletin/unsubscribe/not-a-token/",
            data=ONE_CLICK,
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 404
    )


def test_other_subscribers_are_untouched(site):
    subscriber, other = SubscriberFactory(), SubscriberFactory()

    one_click(subscriber)

    other.refresh_from_db()
    assert other.status == Subscriber.Status.SUBSCRIBED
