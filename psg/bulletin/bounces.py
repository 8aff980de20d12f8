"""Bounces: delivery-status notifications (RFC 3464) and what they do.

A notification counts only when it came back to the signed return path of a
delivery that was sent (psg.bulletin.verp): it is about that delivery's
subscriber, whatever address the report names, so a forged report changes
nothing. A hard bounce (Action: failed, or a 5.x.x status) stops sending to
the address at once; a soft one (Action: delayed, or 4.x.x) counts, and three
in a row stop it. A successful delivery resets the count: the sending code
calls ``record_delivery_success(email)``, and a "delivered" notification does
too. ``process_maildir`` reads each message a mailbox received once (the
``process_bounces`` command). docs/bulletin.md, "Bounces".
"""

import contextlib
import dataclasses
import fcntl
import mailbox
import os
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses

from django.db import transaction
from django.utils import timezone

from psg.members.models import normalise_email

from . import verp
from .models import Delivery, Subscriber

SOFT_BOUNCE_LIMIT = 3
SUCCESS_ACTIONS = {"delivered", "relayed", "expanded"}
# Where a bounce's envelope recipient (our return path) shows: headers the
# receiving server adds, the To header, and the original message's headers.
ENVELOPE_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To")
ORIGINAL_HEADERS = ("Return-Path", "From", "Sender")


class Outcome:
    HARD = "hard"
    SOFT = "soft"
    SUCCESS = "success"


@dataclasses.dataclass
class Report:
    """What one notification says about one recipient."""

    email: str
    outcome: str
    reason: str


def _address(value):
    """The address in a Final-Recipient / Original-Recipient field
    ("rfc822; name@example.org")."""
    _kind, _sep, address = str(value or "").partition(";")
    address = (address or value or "").strip().strip("<>")
    return normalise_email(address) if "@" in address else ""


def _outcome(action, status):
    if action == "failed" or status.startswith("5."):
        return Outcome.HARD
    if action == "delayed" or status.startswith("4."):
        return Outcome.SOFT
    if action in SUCCESS_ACTIONS or status.startswith("2."):
        return Outcome.SUCCESS
    return None


def parse_dsn(message):
    """The recipients' reports in a delivery-status notification, or None if
    ``message`` is not one (or has no recipient it can read)."""
    if message.get_content_type() != "multipart/report":
        return None
    reports = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            return None
        # The first block is about the message, the rest one per recipient.
        for block in blocks[1:]:
            email = _address(block.get("Final-Recipient")) or _address(
                block.get("Original-Recipient")
            )
            action = str(block.get("Action", "")).strip().lower()
            status = str(block.get("Status", "")).strip()
            outcome = _outcome(action, status)
            if not email or outcome is None:
                continue
            diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
            reason = f"{status} {diagnostic}".strip() or action
            reports.append(Report(email, outcome, reason[:500]))
    return reports or None


def _return_paths(message):
    """Every address in ``message`` that may be the return path it came back
    to: the envelope recipient headers, To, and the original's headers."""
    values = []
    for header in ENVELOPE_HEADERS:
        values += message.get_all(header, [])
    for part in message.walk():
        if part.get_content_type() == "text/rfc822-headers":
            original = BytesParser(policy=policy.default).parsebytes(
                part.get_payload(decode=True) or b"", headersonly=True
            )
        elif part.get_content_type() == "message/rfc822" and part.is_multipart():
            original = part.get_payload(0)
        else:
            continue
        for header in ORIGINAL_HEADERS:
            values += original.get_all(header, [])
    return [address for _name, address in getaddresses([str(v) for v in values])]


def sent_delivery(message):
    """The sent Delivery whose signed return path ``message`` came back to,
    or None: an unsigned, forged or unknown one, or one never sent."""
    for address in _return_paths(message):
        number = verp.delivery_id(address)
        if number is not None:
            return (
                Delivery.objects.filter(pk=number, status=Delivery.Status.SENT)
                .select_related("subscriber")
                .first()
            )
    return None


_SEVERITY = {Outcome.HARD: 2, Outcome.SOFT: 1, Outcome.SUCCESS: 0}


def record_bounce(subscriber_id, outcome, reason, when=None):
    """Count one bounce against the subscriber; returns it (None if it is
    gone) and whether sending to it has stopped because of this one."""
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
        )
        if subscriber is None:
            return None, False
        subscriber.last_bounce_at = now
        subscriber.last_bounce_reason = reason[:500]
        if outcome == Outcome.SOFT:
            subscriber.soft_bounce_count += 1
        stop = outcome == Outcome.HARD or (
            subscriber.soft_bounce_count >= SOFT_BOUNCE_LIMIT
        )
        stopped = stop and subscriber.status == Subscriber.Status.SUBSCRIBED
        if stopped:
            subscriber.status = Subscriber.Status.BOUNCED
        subscriber.save()
    return subscriber, stopped


def record_delivery_success(email):
    """A message reached the address: soft bounces start counting again."""
    return Subscriber.objects.filter(
        email__iexact=email, soft_bounce_count__gt=0
    ).update(soft_bounce_count=0, updated_at=timezone.now())


@dataclasses.dataclass
class Summary:
    read: int = 0
    hard: int = 0
    soft: int = 0
    successes: int = 0
    stopped: list = dataclasses.field(default_factory=list)
    unknown: int = 0
    ignored: int = 0
    unparseable: list = dataclasses.field(default_factory=list)


def _unprocessed_keys(maildir):
    keys = []
    for key in maildir.iterkeys():
        try:
            message = maildir.get_message(key)
        except FileNotFoundError:  # moved meanwhile
            continue
        if "S" not in message.get_flags():
            keys.append(key)
    # Keys begin with the time of delivery: oldest first, so "in a row" holds.
    return sorted(keys)


@contextlib.contextmanager
def maildir_turn(path):
    """Hold the Maildir at ``path`` for one run: a run started meanwhile (the
    scheduled task and the command at once) waits for this one to finish,
    then finds nothing new. A lock (flock) on its cur/ folder, which mail
    servers do not lock; it goes when the run ends, or its process dies."""
    descriptor = os.open(os.path.join(path, "cur"), os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def process_maildir(path, delete=False):
    """Read each message not yet seen in the Maildir at ``path`` and record
    the bounces of sent deliveries. Every message read is marked seen in
    "cur" (a notification is deleted instead with ``delete``), so running
    again reads nothing twice, and two runs at once take turns
    (``maildir_turn``). Messages that are not notifications are listed in
    the summary; notifications that match no sent delivery are counted as
    ignored."""
    maildir = mailbox.Maildir(path, factory=None, create=False)
    with maildir_turn(path):
        return _process(maildir, delete)


def _process(maildir, delete):
    parser = BytesParser(policy=policy.default)
    summary = Summary()
    for key in _unprocessed_keys(maildir):
        summary.read += 1
        try:
            with maildir.get_file(key) as handle:
                message = parser.parse(handle)
            reports = parse_dsn(message)
            delivery = sent_delivery(message) if reports else None
        except Exception:  # a message that breaks the parser is still junk
            reports = delivery = None
        if reports is None:
            summary.unparseable.append(key)
        elif delivery is None:
            summary.ignored += 1
        else:
            _record(delivery, reports, summary)
        if delete and reports is not None:
            maildir.remove(key)
        else:
            # Seen, whatever it was: the next run does not read it again.
            seen = maildir.get_message(key)
            seen.set_subdir("cur")
            seen.add_flag("S")
            maildir[key] = seen
    return summary


def _record(delivery, reports, summary):
    """Count what a notification about ``delivery`` says: its gravest
    report (one message, one recipient)."""
    report = max(reports, key=lambda report: _SEVERITY[report.outcome])
    subscriber = delivery.subscriber
    if report.outcome == Outcome.SUCCESS:
        summary.successes += 1
        if subscriber is not None:
            record_delivery_success(subscriber.email)
        return
    if report.outcome == Outcome.HARD:
        summary.hard += 1
    else:
        summary.soft += 1
    subscriber, stopped = record_bounce(
        delivery.subscriber_id, report.outcome, report.reason
    )
    if subscriber is None:
        summary.unknown += 1
    elif stopped:
        summary.stopped.append(subscriber.email)
