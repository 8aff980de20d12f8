"""Subscribing to the bulletin and leaving it, for members and others.

A member's Subscriber row follows their bulletin consent (members'
``consent_recorded`` signal runs ``sync_member_subscription``), and
unsubscribing a member's address withdraws their consent. The short form is
double opt-in. Each subscriber receives the series they chose
(``Subscription`` rows); leaving the last one unsubscribes the address.
docs/bulletin.md tells the whole story.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from psg.core.addresses import absolute
from psg.core.templated_email import send_email
from psg.members.join.applications import find_member
from psg.members.languages import chosen_language, in_language
from psg.members.models import Consent, Member
from psg.members.tokens import make_token

from .models import BulletinSeries, Delivery, Subscriber, Subscription
from .unsubscribe import unsubscribe_url

SUBSCRIBE_SALT = "psg.bulletin.subscribe-confirm"


def find_subscriber(email):
    return Subscriber.objects.filter(email__iexact=email).first()


def open_series():
    """The series open to new subscribers, by name."""
    return BulletinSeries.objects.filter(is_open=True).order_by("name")


def _subscribe(subscriber, now):
    subscriber.status = Subscriber.Status.SUBSCRIBED
    subscriber.confirmed_at = now
    subscriber.unsubscribed_at = None
    subscriber.soft_bounce_count = 0


def _add_series(subscriber, series, now):
    """Have the (saved) subscriber receive each of ``series`` too."""
    have = set(subscriber.subscriptions.values_list("series_id", flat=True))
    Subscription.objects.bulk_create(
        [
            Subscription(subscriber=subscriber, series=one, subscribed_at=now)
            for one in series
            if one.pk not in have
        ],
        ignore_conflicts=True,
    )


def _unsubscribe(subscriber, now):
    """Unsubscribe the (saved) subscriber from everything; not saved here."""
    subscriber.subscriptions.all().delete()
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = now


def sync_member_subscription(member, when=None):
    """Bring the member's Subscriber row in line with their bulletin consent.

    Consent given: the member's address is subscribed (a row made, or theirs
    or their address's linked to them and resubscribed), unless it is
    bouncing, which stays until the secretary clears it or the address is
    confirmed by the sign-up form. An address that receives no series yet gets
    every open series; one that does keeps its choice. Consent withdrawn:
    unsubscribed from every series.
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
                _unsubscribe(subscriber, now)
                subscriber.save()
            elif subscriber:
                # A bouncing address keeps its status, but nothing is left to
                # send it should the secretary clear it.
                subscriber.subscriptions.all().delete()
            return subscriber
        if subscriber is None:
            subscriber = Subscriber(email=member.email)
        subscriber.member = member
        subscriber.email = member.email
        subscriber.name = subscriber.name or member.name
        subscriber.language = member.language
        if subscriber.status != Subscriber.Status.BOUNCED:
            if subscriber.status != Subscriber.Status.SUBSCRIBED:
                _subscribe(subscriber, now)
        subscriber.save()
        if not subscriber.subscriptions.exists():
            _add_series(subscriber, open_series(), now)
        return subscriber


def set_language(subscriber, value):
    """The subscriber's own choice of language (their unsubscribe page); a
    member's changes with it, so the two stay in step."""
    subscriber.language = chosen_language(value)
    subscriber.save(update_fields=["language", "updated_at"])
    if subscriber.member_id is not None:
        member = subscriber.member
        member.language = subscriber.language
        member.save(update_fields=["language", "updated_at"])


def follow_member_language(member):
    """Give the member's subscriber row the member's language."""
    Subscriber.objects.filter(member=member).exclude(language=member.language).update(
        language=member.language, updated_at=timezone.now()
    )


def follow_member_address(member, old, new, when=None):
    """Move the member's subscriber row to their new address (members'
    ``email_changed`` signal), keeping every series it receives.

    The row is the one linked to the member, else the one of their old
    address. If the new address has a row of its own, the two become one:
    that row, linked to the member, receives the series of both, keeps the
    delivery history of both, and is subscribed if either was (a bouncing
    address stays bouncing); the old row goes. Returns the row, or None.
    """
    now = when or timezone.now()
    with transaction.atomic():
        source = (
            Subscriber.objects.select_for_update().filter(member=member).first()
            or Subscriber.objects.select_for_update()
            .filter(email__iexact=old, member__isnull=True)
            .first()
        )
        if source is None:
            return None
        target = (
            Subscriber.objects.select_for_update()
            .filter(email__iexact=new)
            .exclude(pk=source.pk)
            .first()
        )
        if target is None:
            source.email = new
            source.member = member
            source.save()
            return source
        _merge_into(target, source, now)
        target.member = member
        target.email = new
        target.save()
        return target


def _merge_into(target, source, now):
    """Give ``target`` what ``source`` has, then delete ``source``."""
    had = {row.series_id: row for row in target.subscriptions.all()}
    for row in source.subscriptions.all():
        if row.series_id not in had:
            Subscription.objects.create(
                subscriber=target,
                series_id=row.series_id,
                subscribed_at=row.subscribed_at,
            )
    taken = target.deliveries.values_list("edition_id", flat=True)
    source.deliveries.exclude(edition_id__in=list(taken)).update(subscriber=target)
    if (
        source.status == Subscriber.Status.SUBSCRIBED
        and target.status != Subscriber.Status.BOUNCED
    ):
        if target.status != Subscriber.Status.SUBSCRIBED:
            _subscribe(target, source.confirmed_at or now)
    target.name = target.name or source.name
    # The member's link moves: it is one to one.
    source.delete()


# What an erased member's delivery records say instead of their address.
ERASED_DELIVERY_EMAIL = "erased@invalid"


def erase_member_subscription(member):
    """Delete the member's Subscriber row and their address's (erasure), and
    take the address out of their delivery records, which stay as numbers
    for each edition's report; returns {Subscriber: [primary keys deleted],
    Delivery: [primary keys anonymised]}."""
    rows = Subscriber.objects.filter(Q(member=member) | Q(email__iexact=member.email))
    deleted = list(rows.values_list("pk", flat=True))
    deliveries = Delivery.objects.filter(
        Q(subscriber_id__in=deleted) | Q(email__iexact=member.email)
    )
    anonymised = list(deliveries.values_list("pk", flat=True))
    # The server's answer often quotes the address: it goes with it.
    Delivery.objects.filter(pk__in=anonymised).update(
        email=ERASED_DELIVERY_EMAIL, last_error=""
    )
    Subscriber.objects.filter(pk__in=deleted).delete()
    return {Subscriber: deleted, Delivery: anonymised}


# The member's subscriber row in their subject-access copy.
SUBJECT_ACCESS_FIELDS = [
    "email",
    "name",
    "language",
    "status",
    "confirmed_at",
    "unsubscribed_at",
    "last_bounce_at",
    "last_bounce_reason",
]


def member_subscription_rows(member):
    """The member's subscriber row with the series it receives (none, or one
    row), for their subject-access copy."""
    subscriber = (
        Subscriber.objects.filter(member=member)
        .prefetch_related("subscriptions__series")
        .first()
    )
    if subscriber is None:
        return []
    series = sorted(
        (row.series.name, timezone.localdate(row.subscribed_at).isoformat())
        for row in subscriber.subscriptions.all()
    )
    row = {name: getattr(subscriber, name) for name in SUBJECT_ACCESS_FIELDS}
    # "Update (2026-11-22)": each series and the day it was chosen.
    row["series"] = "; ".join(f"{name} ({day})" for name, day in series)
    return [row]


def _address_check(email):
    # Binds a confirmation link to the address the row had when it was sent.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirm_token(subscriber, series=(), language=None):
    """The secret of a confirmation link: the subscriber, their address when
    it was sent, the series they asked for and the language they chose."""
    payload = {
        "s": subscriber.pk,
        "c": _address_check(subscriber.email),
        "l": sorted(one.pk for one in series),
    }
    if language:
        payload["g"] = language
    return make_token(SUBSCRIBE_SALT, payload)


def language_for_token(payload):
    """The language a confirmation link asks for, or None (links from before
    the language was asked leave it as it is)."""
    value = payload.get("g") if isinstance(payload, dict) else None
    return chosen_language(value) if isinstance(value, str) else None


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


def series_for_token(payload):
    """The series a confirmation link subscribes to: those it names that are
    still open, or (none left, or a link from before series could be chosen)
    every open series."""
    wanted = payload.get("l") if isinstance(payload, dict) else None
    if isinstance(wanted, list) and all(isinstance(pk, int) for pk in wanted):
        chosen = list(open_series().filter(pk__in=wanted))
        if chosen:
            return chosen
    return list(open_series())


def receives_all(subscriber, series):
    """Whether the subscriber is subscribed and receives each of ``series``."""
    if subscriber.status != Subscriber.Status.SUBSCRIBED:
        return False
    have = set(subscriber.subscriptions.values_list("series_id", flat=True))
    return all(one.pk in have for one in series)


def _names(series):
    return ", ".join(str(one.name) for one in series)


def request_subscription(email, name, series, reply_to=None, language=None):
    """Answer the sign-up form: a confirmation email for ``series`` (the open
    series chosen), or (already receiving them all) an email saying so.
    Whoever typed the address cannot tell which.

    Only a new address gets a row (pending) now; an unsubscribed or bouncing
    one stays as it is, and a subscribed one keeps what it receives, until
    the link is followed. The confirmation email is in ``language`` (the
    form's), which confirming makes the address's; the "already subscribed"
    one in the language the address already has.
    """
    series = list(series)
    language = chosen_language(language)
    subscriber = find_subscriber(email)
    if subscriber and receives_all(subscriber, series):
        with in_language(subscriber):
            send_email(
                "bulletin_already_subscribed",
                {
                    "subscriber": subscriber,
                    "series_names": _names(subscriber.series.order_by("name")),
                    "unsubscribe_url": unsubscribe_url(subscriber),
                },
                subscriber.email,
                reply_to=reply_to,
            )
        return subscriber
    created = subscriber is None
    if created:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(
                    email=email, name=name, language=language
                )
        except IntegrityError:
            # A sign-up for the same address at the same moment made the row
            # between the look-up and now (the unique constraint): answer as
            # for a pending address, with the row that request made.
            subscriber = find_subscriber(email)
            if subscriber is None:
                raise
            created = False
    if not created and subscriber.status == Subscriber.Status.PENDING:
        # The purge of unconfirmed sign-ups counts from the latest link.
        subscriber.save(update_fields=["updated_at"])
    try:
        with in_language(language):
            send_email(
                "bulletin_subscribe_confirm",
                {
                    "confirm_url": absolute(
                        None,
                        reverse(
                            "bulletin-subscribe-confirm",
                            args=[confirm_token(subscriber, series, language)],
                        ),
                    ),
                    "series_names": _names(series),
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


def confirm_subscription(subscriber, series, wordings, when=None, language=None):
    """Subscribe the address a confirmation link names to ``series`` (what
    it already receives stays); safe to repeat.

    A member's address also records their consent (the wording the form
    showed, given by the member online).
    """
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if receives_all(subscriber, series):
            return subscriber
        if subscriber.status != Subscriber.Status.SUBSCRIBED:
            _subscribe(subscriber, now)
        if language:
            subscriber.language = language
        member = subscriber.member or find_member(subscriber.email)
        if member and subscriber.member_id is None:
            Subscriber.objects.filter(member=member).exclude(pk=subscriber.pk).update(
                member=None
            )
            subscriber.member = member
        subscriber.save()
        _add_series(subscriber, series, now)
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


def unsubscribe(subscriber, wordings, series=None, when=None):
    """Stop sending ``series`` (BulletinSeries; every series when None) to
    the subscriber. Once no series is left the address is unsubscribed and a
    member's consent is withdrawn too.

    Returns whether anything changed (unsubscribing twice changes nothing).
    """
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        changed = False
        if series is not None:
            left, _by_model = subscriber.subscriptions.filter(
                series__in=series
            ).delete()
            changed = bool(left)
            if subscriber.subscriptions.exists():
                return changed
        else:
            left, _by_model = subscriber.subscriptions.all().delete()
            changed = bool(left)
        if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            _unsubscribe(subscriber, now)
            subscriber.save()
            changed = True
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


def keep_only(subscriber, keep, wordings, when=None):
    """Leave every series the subscriber receives but those in ``keep``
    (nothing kept: unsubscribe). Returns whether anything changed."""
    keep = {one.pk for one in keep}
    if not keep:
        return unsubscribe(subscriber, wordings, when=when)
    leave = [one for one in subscriber.series.all() if one.pk not in keep]
    return unsubscribe(subscriber, wordings, series=leave, when=when)


def purge_unconfirmed(now=None):
    """Delete sign-ups never confirmed within their link's lifetime
    (PSG_JOIN_LINK_MAX_AGE after the latest link was sent); returns how many.

    Only rows the sign-up form made for new addresses are ever pending and
    unconfirmed; a known address waiting to come back keeps its row.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(
        seconds=settings.PSG_JOIN_LINK_MAX_AGE
    )
    _total, by_model = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING,
        confirmed_at__isnull=True,
        member__isnull=True,
        updated_at__lt=cutoff,
    ).delete()
    return by_model.get(Subscriber._meta.label, 0)
