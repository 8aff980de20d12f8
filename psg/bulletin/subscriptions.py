"""Subscribing to the bulletin and leaving it, for members and others.

A member's bulletin consent and their Subscriber row are kept in step:
``Member.record_consent`` calls ``sync_member_subscription`` whenever a
bulletin consent is recorded, and unsubscribing a member's address records
the withdrawal of their consent. Subscribing by the short form is double
opt-in: a pending row (or the address's existing one, unchanged) and an
email with a link whose page has a Confirm button.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from psg.core.email import send_email
from psg.members.join.applications import absolute_url, find_member
from psg.members.models import Consent, Member
from psg.members.tokens import make_token

from .models import Subscriber
from .unsubscribe import unsubscribe_url

SUBSCRIBE_SALT = "psg.bulletin.subscribe-confirm"


def find_subscriber(email):
    return Subscriber.objects.filter(email__iexact=email).first()


def _subscribe(subscriber, now):
    subscriber.status = Subscriber.Status.SUBSCRIBED
    subscriber.confirmed_at = now
    subscriber.unsubscribed_at = None
    subscriber.soft_bounce_count = 0


def sync_member_subscription(member, when=None):
    """Bring the member's Subscriber row in line with their bulletin consent.

    Consent given: the member's address is subscribed (a row made, or theirs
    or their address's linked to them and resubscribed), unless it is
    bouncing, which stays until the secretary clears it or the address is
    confirmed by the sign-up form. Consent withdrawn: unsubscribed.
    """
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(member=member).first()
        )
        by_email = (
            Subscriber.objects.select_for_update()
            .filter(email__iexact=member.email)
            .first()
        )
        if subscriber is None:
            subscriber = by_email
        elif by_email is not None and by_email.pk != subscriber.pk:
            # The member's address changed to one that subscribed on its own:
            # that row is theirs now, the old one stays as it was.
            subscriber.member = None
            subscriber.save(update_fields=["member", "updated_at"])
            subscriber = by_email
        if not member.bulletin_consent:
            if subscriber and subscriber.status in (
                Subscriber.Status.SUBSCRIBED,
                Subscriber.Status.PENDING,
            ):
                subscriber.status = Subscriber.Status.UNSUBSCRIBED
                subscriber.unsubscribed_at = now
                subscriber.save()
            return subscriber
        if subscriber is None:
            subscriber = Subscriber(email=member.email)
        subscriber.member = member
        subscriber.email = member.email
        subscriber.name = subscriber.name or member.name
        if subscriber.status != Subscriber.Status.BOUNCED:
            if subscriber.status != Subscriber.Status.SUBSCRIBED:
                _subscribe(subscriber, now)
        subscriber.save()
        return subscriber


def erase_member_subscription(member):
    """Delete the member's Subscriber row and their address's (erasure)."""
    Subscriber.objects.filter(Q(member=member) | Q(email__iexact=member.email)).delete()


def _address_check(email):
    # Binds a confirmation link to the address the row had when it was sent.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirm_token(subscriber):
    return make_token(
        SUBSCRIBE_SALT, {"s": subscriber.pk, "c": _address_check(subscriber.email)}
    )


def subscriber_for_token(payload):
    """The subscriber a valid confirmation link's payload names, if it exists."""
    if not (
        isinstance(payload, dict)
        and isinstance(payload.get("s"), int)
        and isinstance(payload.get("c"), str)
    ):
        return None
    subscriber = Subscriber.objects.filter(pk=payload["s"]).first()
    if subscriber and _address_check(subscriber.email) == payload["c"]:
        return subscriber
    return None


def request_subscription(email, name, reply_to=None):
    """Answer the sign-up form: a confirmation email, or (already subscribed)
    an email saying so. Whoever typed the address cannot tell which.

    Only a new address gets a row (pending) now; an unsubscribed or bouncing
    one stays as it is until the link is followed.
    """
    subscriber = find_subscriber(email)
    if subscriber and subscriber.status == Subscriber.Status.SUBSCRIBED:
        send_email(
            "bulletin_already_subscribed",
            {"subscriber": subscriber, "unsubscribe_url": unsubscribe_url(subscriber)},
            subscriber.email,
            reply_to=reply_to,
        )
        return subscriber
    created = subscriber is None
    if created:
        subscriber = Subscriber.objects.create(email=email, name=name)
    try:
        send_email(
            "bulletin_subscribe_confirm",
            {
                "confirm_url": absolute_url(
                    reverse(
                        "bulletin-subscribe-confirm", args=[confirm_token(subscriber)]
                    )
                ),
                "valid_days": max(1, settings.PSG_JOIN_LINK_MAX_AGE // 86400),
            },
            subscriber.email,
            reply_to=reply_to,
        )
    except Exception:
        if created:
            subscriber.delete()
        raise
    return subscriber


def confirm_subscription(subscriber, wordings, when=None):
    """Subscribe the address a confirmation link names; safe to repeat.

    A member's address also records their consent (the wording the form
    showed, given by the member online), which subscribes them through
    ``sync_member_subscription``.
    """
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.SUBSCRIBED:
            return subscriber
        _subscribe(subscriber, now)
        member = subscriber.member or find_member(subscriber.email)
        if member and subscriber.member_id is None:
            Subscriber.objects.filter(member=member).exclude(pk=subscriber.pk).update(
                member=None
            )
            subscriber.member = member
        subscriber.save()
        if member and not member.bulletin_consent:
            member.record_consent(
                Consent.Kind.BULLETIN,
                True,
                wordings["bulletin_consent_wording"],
                wordings["consent_wording_version"],
                Consent.Source.MEMBER,
                when=now,
            )
    return subscriber


def unsubscribe(subscriber, wordings, when=None):
    """Stop sending to the subscriber; a member's consent is withdrawn too.

    Returns whether anything changed (unsubscribing twice changes nothing).
    """
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        changed = subscriber.status != Subscriber.Status.UNSUBSCRIBED
        if changed:
            subscriber.status = Subscriber.Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = now
            subscriber.save()
        member = (
            Member.objects.filter(pk=subscriber.member_id).first()
            if subscriber.member_id
            else None
        )
        if member and member.bulletin_consent:
            member.record_consent(
                Consent.Kind.BULLETIN,
                False,
                wordings["bulletin_consent_wording"],
                wordings["consent_wording_version"],
                Consent.Source.UNSUBSCRIBE,
                when=now,
            )
            changed = True
    return changed
