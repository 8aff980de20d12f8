"""A member's bulletin consent and the bulletin series they receive: giving
it subscribes them to the open series, their own choice of series stands
while consent is kept, leaving the last series withdraws it, and their data
download lists the series."""

import json
import re

import pytest

from django.test import Client
from django.urls import reverse

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.bulletin.unsubscribe import unsubscribe_url
from psg.members import subject_access
from psg.members.models import Consent, Member
from psg.members.tests.factories import MemberFactory
from psg.members.tests.test_account import sign_in

pytestmark = pytest.mark.django_db

CONSENTS = reverse("membership-consents")


@pytest.fixture
def member(site):
    return MemberFactory(email="rosa@example.org", status=Member.Status.ACTIVE)


@pytest.fixture
def peru_news():
    series = BulletinSeries.objects.get(slug="peru-news")
    series.is_open = True
    series.save()
    return series


def bulletin_box(response):
    [box] = re.findall(r'<input[^>]*name="bulletin"[^>]*>', response.content.decode())
    return box


def series_of(member):
    subscriber = Subscriber.objects.get(member=member)
    return sorted(subscriber.series.values_list("slug", flat=True))


def test_ticking_the_bulletin_gives_the_open_series(client, member, peru_news):
    sign_in(client, member)

    client.post(CONSENTS, {"bulletin": "on"})

    member.refresh_from_db()
    assert member.bulletin_consent is True
    assert series_of(member) == ["peru-news", "update"]


def test_unticking_it_leaves_every_series(client, member):
    sign_in(client, member)
    client.post(CONSENTS, {"bulletin": "on"})

    client.post(CONSENTS, {})

    subscriber = Subscriber.objects.get(member=member)
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert series_of(member) == []


def test_the_members_own_choice_of_series_stands(client, member, site, peru_news):
    sign_in(client, member)
    client.post(CONSENTS, {"bulletin": "on"})
    subscriber = Subscriber.objects.get(member=member)
    # They leave Peru News by the link in one of its messages.
    Client().post(
        unsubscribe_url(subscriber, peru_news).removeprefix("http://testserver"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    member.refresh_from_db()
    assert member.bulletin_consent is True

    # Their consent is recorded again, under a new wording.
    member.record_consent(
        Consent.Kind.BULLETIN, True, "New wording", "2027-1", Consent.Source.MEMBER
    )

    assert series_of(member) == ["update"]


def test_leaving_the_last_series_unticks_the_bulletin_on_their_page(
    client, member, site
):
    sign_in(client, member)
    client.post(CONSENTS, {"bulletin": "on"})
    subscriber = Subscriber.objects.get(member=member)
    assert "checked" in bulletin_box(client.get(CONSENTS))

    Client().post(
        unsubscribe_url(subscriber, "update").removeprefix("http://testserver"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    member.refresh_from_db()
    assert member.bulletin_consent is False
    assert "checked" not in bulletin_box(client.get(CONSENTS))
    latest = member.consents.filter(kind=Consent.Kind.BULLETIN).first()
    assert (latest.given, latest.source) == (False, Consent.Source.UNSUBSCRIBE)


def test_the_data_download_lists_the_series(member, peru_news):
    member.record_consent(
        Consent.Kind.BULLETIN, True, "Wording", "2026-1", Consent.Source.JOIN_FORM
    )

    data = json.loads(subject_access.as_json(member))

    [subscription] = data["bulletin_subscription"]
    assert subscription["email"] == "rosa@example.org"
    assert subscription["status"] == "subscribed"
    assert subscription["series"].startswith("Peru News (")
    assert "; Update (" in subscription["series"]
    assert "bulletin_subscription" in subject_access.as_csv(member)


def test_a_member_without_a_subscription_has_none_in_the_download(member):
    assert json.loads(subject_access.as_json(member))["bulletin_subscription"] == []
