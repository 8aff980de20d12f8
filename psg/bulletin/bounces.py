"""Bounces: delivery-status notifications (RFC 3464) and what they do.

A hard bounce (Action: failed, or a 5.x.x status) stops sending to the address
at once; a soft one (Action: delayed, or 4.x.x) counts, and three in a row
stop it. A successful delivery resets the count: the sending code calls
``record_delivery_success(email)``, and a "delivered" notification does too.
``process_maildir`` reads the notifications a mailbox received (the
``process_bounces`` command).
"""

import contextlib
import dataclasses
import fcntl
import mailbox
import os
from email import policy
from email.parser import BytesParser

from django.db import transaction
from django.utils import timezone

from psg.members.models import normalise_email

from .models import Subscriber

SOFT_BOUNCE_LIMIT = 3
SUCCESS_ACTIONS = {"delivered", "relayed", "expanded"}


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


def record_bounce(email, outcome, reason, when=None):
    """Count one bounce against the address; returns the subscriber (None if
    not one) and whether sending to it has stopped because of this one."""
    now = when or timezone.now()
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(email__iexact=email).first()
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
    """Read each notification not yet seen in the Maildir at ``path`` and
    record its bounces. A processed message is marked seen in "cur" (or
    deleted), so running again counts nothing twice, and two runs at once
    take turns (``maildir_turn``); anything that is not a notification is
    left where it is and listed in the summary."""
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
                reports = parse_dsn(parser.parse(handle))
        except Exception:  # a message that breaks the parser is still junk
            reports = None
        if reports is None:
            summary.unparseable.append(key)
            continue
        for report in reports:
            if report.outcome == Outcome.SUCCESS:
                summary.successes += 1
                record_delivery_success(report.email)
                continue
            if report.outcome == Outcome.HARD:
                summary.hard += 1
            else:
                summary.soft += 1
            subscriber, stopped = record_bounce(
                report.email, report.outcome, report.reason
            )
            if subscriber is None:
                summary.unknown += 1
            elif stopped:
                summary.stopped.append(subscriber.email)
        if delete:
            maildir.remove(key)
        else:
            message = maildir.get_message(key)
            message.set_subdir("cur")
            message.add_flag("S")
            maildir[key] = message
    return summary
