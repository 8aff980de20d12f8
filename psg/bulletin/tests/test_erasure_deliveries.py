"""Erasing a member also takes their address out of the bulletin's delivery
records (each edition sent to them), found by the every-table search of the
members' erasure test."""

import pytest

from psg.bulletin.models import Delivery, Edition, delivery_message_id
from psg.bulletin.tests.factories import EditionFactory
from psg.members.erasure import erase_member
from psg.members.models import Consent
from psg.members.tests.factories import MemberFactory
from psg.members.tests.test_erasure import tables_containing

pytestmark = pytest.mark.django_db

EMAIL = "Nahui.Quispe+psg@example.org"
OTHER_EMAIL = "rosa.huaman@example.org"


def subscribed_member(email):
    member = MemberFactory(email=email)
    member.record_consent(
        Consent.Kind.BULLETIN,
        True,
        "Send me the bulletin.",
        "2026-1",
        Consent.Source.JOIN_FORM,
    )
    return member, member.bulletin_subscriber


def delivered(edition, subscriber, **fields):
    return Delivery.objects.create(
        edition=edition,
        subscriber=subscriber,
        email=subscriber.email,
        message_id=delivery_message_id(edition.pk, subscriber.pk),
        **fields,
    )


def test_erasure_leaves_the_address_in_no_delivery_record():
    member, subscriber = subscribed_member(EMAIL)
    other, other_subscriber = subscribed_member(OTHER_EMAIL)
    first = EditionFactory(status=Edition.Status.SENT)
    second = EditionFactory(status=Edition.Status.SENT)
    delivered(first, subscriber, status=Delivery.Status.SENT)
    delivered(
        second,
        subscriber,
        status=Delivery.Status.FAILED,
        last_error=f"550 5.1.1 <{EMAIL.lower()}>: Recipient address rejected",
    )
    delivered(first, other_subscriber, status=Delivery.Status.SENT)
    # The search finds the address where it is before the erasure.
    assert ("bulletin_delivery", "email") in tables_containing(EMAIL)
    assert ("bulletin_delivery", "last_error") in tables_containing(EMAIL)

    erase_member(member, requested_by="secretary")

    assert tables_containing(EMAIL) == set()
    assert tables_containing("Nahui.Quispe") == set()
    # The records stay, as numbers for the edition's report.
    assert Delivery.objects.filter(edition=first).count() == 2
    kept = Delivery.objects.get(edition=second)
    assert kept.status == Delivery.Status.FAILED
    assert kept.last_error == ""
    # The other subscriber's record is untouched.
    assert Delivery.objects.get(subscriber=other_subscriber).email == OTHER_EMAIL
    assert ("bulletin_delivery", "email") in tables_containing(OTHER_EMAIL)
