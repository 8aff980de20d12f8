"""A member's bulletin consent and their subscription move together, and
erasing a member erases their subscription."""

import pytest

from django.contrib.contenttypes.models import ContentType

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from psg.bulletin.models import BulletinSeries, Subscriber, Subscription
from psg.members.erasure import erase_member
from psg.members.join.applications import CONSENTS
from psg.members.models import Consent, Member
from psg.members.signals import member_erasing
from psg.members.tests.factories import MemberFactory

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def consent(member, given, source=Consent.Source.MEMBER):
    member.record_consent(
        Consent.Kind.BULLETIN,
        given,
        "Send me the PSG bulletin by email.",
        "2026-1",
        source,
    )


def test_consent_makes_a_subscribed_subscriber():
    member = MemberFactory(name="Rosa Quispe", email="Rosa@Example.org")

    consent(member, True)

    subscriber = Subscriber.objects.get()
    assert subscriber.member == member
    assert subscriber.email == "Rosa@example.org"
    assert subscriber.name == "Rosa Quispe"
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.confirmed_at is not None


def test_withdrawing_consent_unsubscribes():
    member = MemberFactory()
    consent(member, True)

    consent(member, False, Consent.Source.SECRETARY)

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_a_member_without_consent_gets_no_subscriber():
    consent(MemberFactory(), False)

    assert not Subscriber.objects.exists()


def test_consent_other_than_the_bulletins_changes_nothing():
    member = MemberFactory()
    member.record_consent(
        Consent.Kind.EVENTS, True, "Events", "2026-1", Consent.Source.MEMBER
    )

    assert not Subscriber.objects.exists()


def test_an_existing_subscription_of_the_address_is_linked_not_duplicated():
    subscriber = SubscriberFactory(
        email="rosa@example.org", status=Subscriber.Status.UNSUBSCRIBED
    )
    member = MemberFactory(email="ROSA@example.org")

    consent(member, True)

    subscriber.refresh_from_db()
    assert Subscriber.objects.count() == 1
    assert subscriber.member == member
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_a_bouncing_address_stays_stopped():
    SubscriberFactory(email="rosa@example.org", status=Subscriber.Status.BOUNCED)

    consent(MemberFactory(email="rosa@example.org"), True)

    assert Subscriber.objects.get().status == Subscriber.Status.BOUNCED


def test_joining_with_the_bulletin_ticked_subscribes():
    member = MemberFactory()
    for kind, _field, wording in CONSENTS:
        member.record_consent(
            kind,
            kind == Consent.Kind.BULLETIN,
            wording,
            "2026-1",
            Consent.Source.JOIN_FORM,
        )

    assert Subscriber.objects.get().member == member


def test_erasing_a_member_erases_their_subscription():
    member = MemberFactory(email="rosa@example.org")
    consent(member, True)
    other = SubscriberFactory()

    erase_member(member, "member")

    assert list(Subscriber.objects.all()) == [other]


def test_erasing_a_member_scrubs_their_subscribers_admin_log():
    member = MemberFactory(name="Rosa Quispe", email="rosa@example.org")
    consent(member, True)
    subscriber = Subscriber.objects.get(member=member)
    log(instance=subscriber, action="wagtail.edit", data={"email": member.email})

    erase_member(member, "secretary")

    entry = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Subscriber),
        object_id=str(subscriber.pk),
    )
    assert entry.label == "subscriber ([erased])"
    assert entry.data == {"email": "[erased]"}


def test_an_erasure_that_fails_in_the_bulletin_changes_nothing():
    member = MemberFactory(email="rosa@example.org")
    consent(member, True)

    def fail(sender, member, **kwargs):
        raise RuntimeError("simulated")

    member_erasing.connect(fail, dispatch_uid="test-fail")
    try:
        with pytest.raises(RuntimeError):
            erase_member(member, "member")
    finally:
        member_erasing.disconnect(dispatch_uid="test-fail")

    assert Subscriber.objects.filter(member=member).exists()
    assert Member.objects.get(pk=member.pk).erased_at is None
    assert member.consents.count() == 1


def series_of(subscriber):
    return sorted(subscriber.series.values_list("slug", flat=True))


def test_consent_gives_every_open_series():
    peru_news = BulletinSeries.objects.get(slug="peru-news")
    peru_news.is_open = True
    peru_news.save()
    member = MemberFactory()

    consent(member, True)

    assert series_of(Subscriber.objects.get()) == ["peru-news", "update"]


def test_consent_recorded_again_keeps_the_series_chosen():
    member = MemberFactory()
    subscriber = SubscriberFactory(
        email=member.email,
        series=[BulletinSeries.objects.get(slug="peru-news")],
    )

    consent(member, True)
    consent(member, True, Consent.Source.SECRETARY)

    subscriber.refresh_from_db()
    assert subscriber.member == member
    assert series_of(subscriber) == ["peru-news"]


def test_withdrawing_consent_leaves_every_series():
    member = MemberFactory()
    consent(member, True)

    consent(member, False)

    subscriber = Subscriber.objects.get()
    assert series_of(subscriber) == []
    assert not Subscriber.objects.sending(BulletinSeries.objects.get(slug="update"))


def test_a_bouncing_member_who_withdraws_keeps_nothing_to_resume():
    SubscriberFactory(email="rosa@example.org", status=Subscriber.Status.BOUNCED)
    member = MemberFactory(email="rosa@example.org")
    consent(member, True)

    consent(member, False)

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.BOUNCED
    assert series_of(subscriber) == []


def test_erasing_a_member_erases_their_series_too():
    member = MemberFactory(email="rosa@example.org")
    consent(member, True)
    assert Subscription.objects.count() == 1

    erase_member(member, "member")

    assert not Subscription.objects.exists()
