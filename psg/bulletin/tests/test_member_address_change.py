"""A member's new email address takes their bulletin subscription with it,
however it changed: on their own details page, at the desk, by CSV import.
When the new address subscribed on its own, the two rows become one: no
IntegrityError, no series lost, no second copy of each edition."""

import pytest

from django.urls import reverse

from psg.bulletin.models import BulletinSeries, Delivery, Subscriber
from psg.members.models import Consent, Member
from psg.members.tests.csv_helpers import make_csv, new_row, upload
from psg.members.tests.factories import MemberFactory, secretary_user
from psg.members.tests.test_account import sign_in
from psg.members.tests.test_account_pages import EDIT, details
from psg.members.tests.test_desk import member_form_data

from .factories import EditionFactory
from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def subscribed_member(email, series_slugs=("update",)):
    member = MemberFactory(email=email, status=Member.Status.ACTIVE)
    member.record_consent(
        Consent.Kind.BULLETIN, True, "Send me the bulletin.", "2026-1", "member"
    )
    subscriber = Subscriber.objects.get(member=member)
    subscriber.subscriptions.all().delete()
    for slug in series_slugs:
        subscriber.subscriptions.create(series=BulletinSeries.objects.get(slug=slug))
    return member


def series_of(subscriber):
    return sorted(subscriber.series.values_list("slug", flat=True))


def test_changing_ones_own_address_moves_the_subscription(client, site):
    member = subscribed_member("nahui@example.org", ("update", "peru-news"))
    sign_in(client, member)

    response = client.post(EDIT, details(email="ñahui@perú.example"))

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.member == member
    assert subscriber.email == "ñahui@xn--per-boa.example"
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert series_of(subscriber) == ["peru-news", "update"]


def test_the_desk_changing_to_an_address_that_subscribed_on_its_own_merges(
    client, site
):
    client.force_login(secretary_user())
    member = subscribed_member("old@example.org", ("update",))
    own = SubscriberFactory(
        email="new@example.org",
        status=Subscriber.Status.UNSUBSCRIBED,
        series=[],
    )
    other = SubscriberFactory(
        email="new2@example.org",
        series=[BulletinSeries.objects.get(slug="peru-news")],
    )
    # Each row was sent an edition already: both histories stay.
    old_row = Subscriber.objects.get(member=member)
    edition_one, edition_two = EditionFactory(), EditionFactory()
    Delivery.objects.create(
        edition=edition_one, subscriber=old_row, email=old_row.email, message_id="1"
    )
    Delivery.objects.create(
        edition=edition_two, subscriber=own, email=own.email, message_id="2"
    )

    response = client.post(
        reverse("desk_members:edit", args=[member.pk]),
        member_form_data(member, email="NEW@example.org"),
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "NEW@example.org"
    merged = Subscriber.objects.get(member=member)
    assert merged.pk == own.pk
    assert merged.email == "NEW@example.org"
    assert merged.status == Subscriber.Status.SUBSCRIBED
    assert series_of(merged) == ["update"]
    assert sorted(merged.deliveries.values_list("message_id", flat=True)) == [
        "1",
        "2",
    ]
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {own.pk, other.pk}


def test_merging_keeps_the_series_of_both_rows(client, site):
    member = subscribed_member("old@example.org", ("update",))
    SubscriberFactory(
        email="new@example.org", series=[BulletinSeries.objects.get(slug="peru-news")]
    )
    sign_in(client, member)

    client.post(EDIT, details(email="new@example.org"))

    merged = Subscriber.objects.get()
    assert merged.member == member
    assert series_of(merged) == ["peru-news", "update"]


def test_a_bouncing_new_address_stays_bouncing(client, site):
    member = subscribed_member("old@example.org")
    SubscriberFactory(email="new@example.org", status=Subscriber.Status.BOUNCED)
    sign_in(client, member)

    client.post(EDIT, details(email="new@example.org"))

    merged = Subscriber.objects.get()
    assert merged.member == member
    assert merged.status == Subscriber.Status.BOUNCED


def test_the_csv_import_respelling_an_address_moves_the_subscription(client, site):
    client.force_login(secretary_user())
    member = subscribed_member("ana@example.org")

    result = upload(
        client,
        make_csv(
            new_row(
                email="Ana@EXA\u200bMPLE.org",
                name=member.name,
                bulletin_consent="yes",
                payment_reference=member.payment_reference,
            )
        ),
    ).context["result"]

    assert (result.created, result.errors) == (0, [])
    member.refresh_from_db()
    assert member.email == "Ana@example.org"
    subscriber = Subscriber.objects.get()
    assert subscriber.member == member
    assert subscriber.email == "Ana@example.org"
    assert series_of(subscriber) == ["update"]


def test_a_member_without_a_subscription_changing_address_makes_none(client, site):
    member = MemberFactory(email="old@example.org")
    sign_in(client, member)

    client.post(EDIT, details(email="new@example.org"))

    assert not Subscriber.objects.exists()
