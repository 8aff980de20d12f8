"""Sending an edition to its subscribers: in batches, by the task worker,
exactly once per subscriber.

``start_sending(edition)`` writes one pending Delivery row per subscriber of
the edition's series and enqueues ``send_batch``; each batch claims a row in
its own committed UPDATE before the message goes, and marks it sent as soon
as the server answers 250. A spare run resumes a send whose worker died.
docs/bulletin.md ("Exactly once") explains why at most one message per killed
worker can go twice, and never none.
"""

import datetime
import logging
import smtplib
import time

from django_tasks import task

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from psg.core.smtp import MAIL_ERRORS

from . import spanish
from .bounces import record_delivery_success
from .messages import EditionLanguages
from .models import Delivery, Edition, Subscriber, Subscription, delivery_message_id
from .purges import purge_edition
from .sending_errors import Verdict, error_text, verdict
from .verp import return_path

logger = logging.getLogger(__name__)

# A recipient the server refuses for a while (4xx) is tried this many times.
MAX_ATTEMPTS = 3


class SendingRefused(Exception):
    """The edition cannot be sent now (already sent or sending, or empty)."""


def batch_size():
    return max(1, int(getattr(settings, "PSG_BULLETIN_BATCH_SIZE", 100)))


def rate():
    """Messages per second; 0 means as fast as the server takes them."""
    return max(0.0, float(getattr(settings, "PSG_BULLETIN_RATE", 20)))


def stale_after():
    return datetime.timedelta(
        seconds=float(getattr(settings, "PSG_BULLETIN_STALE_AFTER", 300))
    )


def retry_delay(retries):
    """How long to wait before the ``retries``-th run in a row after the mail
    server failed one: PSG_BULLETIN_RETRY_DELAY, doubled each time, at most
    PSG_BULLETIN_RETRY_MAX."""
    first = float(getattr(settings, "PSG_BULLETIN_RETRY_DELAY", 60))
    most = float(getattr(settings, "PSG_BULLETIN_RETRY_MAX", 3600))
    return datetime.timedelta(seconds=min(most, first * 2 ** max(0, retries - 1)))


def recipients(series):
    """Who an edition of ``series`` goes to: the subscribed subscribers who
    receive that series (a bouncing address receives nothing)."""
    return Subscriber.objects.sending(series)


def check_can_send(edition):
    """Raise SendingRefused unless ``edition`` may be sent to subscribers now."""
    if edition.is_legacy:
        raise SendingRefused(_("An archived edition is not sent."))
    if edition.status != Edition.Status.DRAFT:
        raise SendingRefused(
            _("This edition is %(status)s already.")
            % {"status": edition.get_status_display().lower()}
        )
    if edition.english_edition_id is not None:
        raise SendingRefused(
            _("A Spanish edition is sent with its English edition: send that one.")
        )
    if not edition.items.exists():
        raise SendingRefused(_("This edition lists no items."))


def _can_defer():
    return send_batch.get_backend().supports_defer


def _enqueue_spare(edition_id, generation):
    """Enqueue the run that carries on if this one dies (see module docstring)."""
    if _can_defer():
        send_batch.using(run_after=timezone.now() + stale_after()).enqueue(
            edition_id, generation
        )


def start_sending(edition):
    """Write a delivery record for every recipient and start the sending task.

    Returns the number of recipients. Raises SendingRefused if the edition is
    not a draft with items.
    """
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        check_can_send(edition)
        rows = (
            Delivery(
                edition_id=edition.pk,
                subscriber_id=pk,
                email=email,
                message_id=delivery_message_id(edition.pk, pk),
            )
            for pk, email in recipients(edition.series_id)
            .order_by("pk")
            .values_list("pk", "email")
        )
        # ignore_conflicts: a row already there (from an earlier start) stays.
        Delivery.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        Edition.objects.filter(pk=edition.pk).update(
            status=Edition.Status.SENDING,
            send_generation=0,
            send_retries=0,
            send_retry_at=None,
            send_error="",
            updated_at=timezone.now(),
        )
        spanish.lock_with(edition.pk, timezone.now())
        _enqueue_spare(edition.pk, 0)
        # After the commit: the immediate backend runs the task at once, and
        # its per-message commits must not sit inside this transaction.
        transaction.on_commit(lambda: send_batch.enqueue(edition.pk, 0))
    return Delivery.objects.filter(edition_id=edition.pk).count()


def resume_sending(edition):
    """Start a new run of an edition stuck in "sending" (e.g. its SMTP server
    was down). Harmless if a run is under way: rows are claimed one by one."""
    if edition.status == Edition.Status.SENDING:
        transaction.on_commit(lambda: send_batch.enqueue(edition.pk, None))


@task()
def send_batch(edition_id, generation=None):
    """Send the next batch of an edition; see the module docstring.

    ``generation`` None takes the turn whatever it is (a manual resume).
    Safe to run any number of times: a run that is not its edition's turn, or
    finds nothing left to send, does nothing.
    """
    return run_batch(edition_id, generation)


def _take_turn(edition_id, generation):
    """Increment the edition's generation if it is ``generation``'s turn;
    returns the new generation or None."""
    with transaction.atomic():
        editions = Edition.objects.filter(pk=edition_id, status=Edition.Status.SENDING)
        if generation is None:
            current = editions.select_for_update().values_list(
                "send_generation", flat=True
            )
            generation = current.first()
            if generation is None:
                return None
        elif editions.filter(send_retry_at__gt=timezone.now()).exists():
            # The server failed the last run: the retry queued for then has
            # this turn (a manual resume, generation None, need not wait).
            return None
        if not editions.filter(send_generation=generation).update(
            send_generation=F("send_generation") + 1
        ):
            return None
        _enqueue_spare(edition_id, generation + 1)
    return generation + 1


def _claimable(cutoff):
    return Q(status=Delivery.Status.PENDING) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=cutoff
    )


class _RowUpdates:
    """The two writes every message makes, as plain SQL prepared once: what
    the ORM would send, with the table and column names from the model, built
    once instead of for every message (docs/benchmarks.md)."""

    def __init__(self, cutoff):
        table = db.ops.quote_name(Delivery._meta.db_table)
        column = {
            field.name: db.ops.quote_name(field.column)
            for field in Delivery._meta.concrete_fields
        }
        self.claimable = (
            f"({column['status']} = %s OR ({column['status']} = %s"
            f" AND {column['claimed_at']} < %s))"
        )
        self.claimable_params = [
            Delivery.Status.PENDING,
            Delivery.Status.SENDING,
            db.ops.adapt_datetimefield_value(cutoff),
        ]
        self.claim_sql = (
            # Only quoted names from the model go into the text; every value
            # is a parameter.
            f"UPDATE {table} SET {column['status']} = %s,"  # noqa: S608
            f" {column['claimed_at']} = %s,"
            f" {column['attempts']} = {column['attempts']} + 1"
            f" WHERE {column['id']} = %s AND {self.claimable}"
        )
        self.sent_sql = (
            f"UPDATE {table} SET {column['status']} = %s,"  # noqa: S608
            f" {column['sent_at']} = %s, {column['last_error']} = ''"
            f" WHERE {column['id']} = %s"
        )

    def claim(self, pk):
        """Mark the row "sending" if it is still claimable; True if it was."""
        now = db.ops.adapt_datetimefield_value(timezone.now())
        with db.cursor() as cursor:
            cursor.execute(
                self.claim_sql,
                [Delivery.Status.SENDING, now, pk, *self.claimable_params],
            )
            return cursor.rowcount == 1

    def sent(self, pk):
        now = db.ops.adapt_datetimefield_value(timezone.now())
        with db.cursor() as cursor:
            cursor.execute(self.sent_sql, [Delivery.Status.SENT, now, pk])


def run_batch(edition_id, generation=None, size=None):
    """Send up to ``size`` messages of an edition over one connection; returns
    a summary dict."""
    generation = _take_turn(edition_id, generation)
    if generation is None:
        return {"edition": edition_id, "sent": 0, "skipped_run": True}
    edition = Edition.objects.select_related("series").get(pk=edition_id)
    cutoff = timezone.now() - stale_after()
    rows = list(
        Delivery.objects.filter(edition_id=edition_id)
        .filter(_claimable(cutoff))
        .select_related("subscriber")
        # Whether the subscriber still receives the series: one query for
        # the batch, not one per message.
        .annotate(
            in_series=Exists(
                Subscription.objects.filter(
                    subscriber_id=OuterRef("subscriber_id"),
                    series_id=edition.series_id,
                )
            )
        )
        .order_by("attempts", "pk")[: size or batch_size()]
    )
    summary = {"edition": edition_id, "sent": 0, "failed": 0, "skipped": 0}
    if rows:
        _send_rows(edition, rows, cutoff, summary)
    # Stopped by the server: the retry it queued goes on, not a next batch.
    _after_batch(
        edition_id, generation, handled=bool(rows) and "stopped" not in summary
    )
    return summary


# The rendered edition of the last batch: the batches of one send run one
# after another in the same worker, and rendering and inlining the edition is
# the dearest step after the SMTP exchange itself. One entry, so a worker's
# memory does not grow with the editions it sends.
_rendered = {}


def _messages(edition):
    key = (edition.pk, edition.updated_at)
    if key not in _rendered:
        _rendered.clear()
        _rendered[key] = EditionLanguages(edition)
    return _rendered[key]


def _send_rows(edition, rows, cutoff, summary):
    builder = _messages(edition)
    updates = _RowUpdates(cutoff)
    interval = 1 / rate() if rate() else 0
    next_at = time.monotonic()
    connection = get_connection()
    try:
        for row in rows:
            subscriber = row.subscriber
            if (
                subscriber is None
                or subscriber.status != Subscriber.Status.SUBSCRIBED
                or not row.in_series
            ):
                # Unsubscribed (from everything or from this series), bouncing
                # or deleted since the send began.
                Delivery.objects.filter(pk=row.pk).filter(_claimable(cutoff)).update(
                    status=Delivery.Status.SKIPPED
                )
                summary["skipped"] += 1
                continue
            try:
                message = builder.prepared(
                    subscriber,
                    message_id=row.message_id,
                    connection=connection,
                    return_path=return_path(row.pk),
                )
            except Exception as error:
                # This row's data cannot make a message (an address whose
                # domain cannot be encoded, old data): it fails, the rest go.
                _fail_unsent(row, error, cutoff, summary)
                continue
            if interval:
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                next_at = max(next_at, time.monotonic()) + interval
            if not updates.claim(row.pk):
                continue  # another run has it, or has sent it
            if row.status == Delivery.Status.SENDING:
                logger.warning(
                    "Sending %s again: its worker stopped while sending it at %s",
                    row.message_id,
                    row.claimed_at,
                )
            try:
                connection.open()
                if not connection.send_messages([message]):
                    raise smtplib.SMTPException("The mail backend sent nothing.")
            except MAIL_ERRORS as error:
                if not _refused(edition, row, error, connection, summary):
                    return  # the server's trouble: the run stops here
                continue
            except Exception as error:
                # Anything else about this one message (not the server's).
                _record(row, Delivery.Status.FAILED, error, attempts=0)
                summary["failed"] += 1
                continue
            # Accepted: record it at once (see "Exactly once" above).
            updates.sent(row.pk)
            summary["sent"] += 1
            if subscriber.soft_bounce_count:
                record_delivery_success(subscriber.email)
    finally:
        connection.close()
    _server_fine(edition)


def _record(row, status, error, attempts):
    """Set a claimed row's status and error; ``attempts`` is added to the
    count the claim made (-1: this attempt does not count)."""
    Delivery.objects.filter(pk=row.pk).update(
        status=status,
        last_error=error_text(error),
        attempts=F("attempts") + attempts,
    )


def _fail_unsent(row, error, cutoff, summary):
    logger.warning("Cannot make the message %s: %r", row.message_id, error)
    failed = (
        Delivery.objects.filter(pk=row.pk)
        .filter(_claimable(cutoff))
        .update(status=Delivery.Status.FAILED, last_error=error_text(error))
    )
    summary["failed"] += failed


def _refused(edition, row, error, connection, summary):
    """Record what an SMTP error means for the row (sending_errors); returns
    False when the run must stop."""
    found = verdict(error, getattr(connection, "answer_pending", False))
    if found is Verdict.FAIL or (
        found is Verdict.RETRY and row.attempts + 1 >= MAX_ATTEMPTS
    ):
        _record(row, Delivery.Status.FAILED, error, attempts=0)
        summary["failed"] += 1
        return True
    if found is Verdict.RETRY:
        _record(row, Delivery.Status.PENDING, error, attempts=0)
        return True
    if found is Verdict.UNKNOWN:
        # At most one such row a run: the run stops here.
        logger.warning("No answer after sending %s: left unknown", row.message_id)
        _record(row, Delivery.Status.UNKNOWN, error, attempts=0)
    else:
        # Nothing wrong with the recipient: it waits, and this try is not
        # counted against it.
        _record(row, Delivery.Status.PENDING, error, attempts=-1)
    _server_failed(edition, error)
    summary["stopped"] = error_text(error)
    return False


def _server_failed(edition, error):
    """The mail server failed this run: the next waits, longer each time."""
    retries = edition.send_retries + 1
    retry_at = timezone.now() + retry_delay(retries)
    with transaction.atomic():
        Edition.objects.filter(pk=edition.pk).update(
            send_retries=retries, send_retry_at=retry_at, send_error=error_text(error)
        )
        if _can_defer():
            send_batch.using(run_after=retry_at).enqueue(
                edition.pk, edition.send_generation
            )
    edition.send_retries = retries
    logger.warning(
        "Sending %s stopped (%s); next try at %s", edition, error_text(error), retry_at
    )


def _server_fine(edition):
    if edition.send_retries or edition.send_error:
        Edition.objects.filter(pk=edition.pk).update(
            send_retries=0, send_retry_at=None, send_error=""
        )
        edition.send_retries, edition.send_error = 0, ""


def _after_batch(edition_id, generation, handled):
    """Enqueue the next batch, or mark the edition sent when nothing is left."""
    deliveries = Delivery.objects.filter(edition_id=edition_id)
    unfinished = deliveries.filter(
        status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    )
    if not unfinished.exists():
        sent = Edition.objects.filter(
            pk=edition_id, status=Edition.Status.SENDING
        ).update(
            status=Edition.Status.SENT,
            sent_at=timezone.now(),
            updated_at=timezone.now(),
            send_retry_at=None,
        )
        if sent:
            # Now in the archive: its page was a 404 in the caches until now.
            purge_edition(Edition.objects.select_related("series").get(pk=edition_id))
            if sent_spanish := spanish.sent_with(edition_id, timezone.now()):
                purge_edition(sent_spanish)
        return
    claimable = unfinished.filter(_claimable(timezone.now() - stale_after()))
    if handled and claimable.exists():
        send_batch.enqueue(edition_id, generation)
    # Otherwise only rows another run holds are left: the spare enqueued when
    # this run began looks again once they could be stale.


def progress(edition):
    """What the admin shows about an edition's sending."""
    deliveries = Delivery.objects.filter(edition=edition)
    counts = deliveries.counts()
    total = sum(counts.values())
    statuses = dict(
        deliveries.exclude(subscriber=None)
        .values_list("subscriber__status")
        .order_by()
        .annotate(n=Count("pk"))
    )
    return {
        "total": total,
        "sent": counts[Delivery.Status.SENT],
        "failed": counts[Delivery.Status.FAILED],
        "skipped": counts[Delivery.Status.SKIPPED],
        "unknown": counts[Delivery.Status.UNKNOWN],
        "waiting": counts[Delivery.Status.PENDING] + counts[Delivery.Status.SENDING],
        "percent": round(100 * counts[Delivery.Status.SENT] / total) if total else 0,
        "bounced": statuses.get(Subscriber.Status.BOUNCED, 0),
        "unsubscribed": statuses.get(Subscriber.Status.UNSUBSCRIBED, 0),
    }
