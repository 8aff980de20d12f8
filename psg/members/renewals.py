"""The daily renewals job: reminders before and on a period's end, then lapsing.

``run_renewals()`` is safe to run any number of times a day, and after a crash:

- Each reminder is claimed before it is sent, by creating its RenewalReminder
  row (unique per member, period end and kind) in a transaction of its own;
  whoever creates the row sends the email, and ``sent_at`` is set as soon as
  the SMTP server has accepted it. A second run finds the row and sends nothing.
- A row still without ``sent_at`` an hour (PSG_RENEWALS_STALE_AFTER) after it
  was claimed is a send that died before the server accepted it (a worker
  killed mid-run), so the next run claims it again and sends it. The one
  window where a member could get a reminder twice is a crash between the
  server's acceptance and the ``sent_at`` update: one UPDATE of one row in
  autocommit, right after ``send()`` returns.
- A send the server refuses (or an unreachable server) releases the claim, so
  the next run tries again.
- Reminders are keyed on the member's current period end, so a member who has
  renewed is never reminded about the old period; a late run (the job did not
  run for days) sends the reminder that is due now, once, and never a
  "30 days before" once the end has come.

Scheduling: ``schedule_next_run()`` keeps exactly one future run of the
``run_renewals`` task waiting in the database task queue (the task calls it
first thing); a cron job or systemd timer calling ``manage.py run_renewals``
does the same job without the task worker. See docs/membership.md.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from psg.core import scheduling
from psg.core.email import build_email
from psg.members.models import Member, MembershipSettings, RenewalReminder

logger = logging.getLogger(__name__)

REMIND_DAYS_BEFORE = 30
LAPSE_DAYS_AFTER = 30
# A claimed reminder still unsent after this long is a send that died
# (PSG_RENEWALS_STALE_AFTER seconds, when set).
STALE_CLAIM = datetime.timedelta(hours=1)
# When the scheduled task runs each day, local time (Europe/London).
DAILY_RUN_AT = datetime.time(6, 0)

TEMPLATES = {
    RenewalReminder.Kind.BEFORE: "renewal_before",
    RenewalReminder.Kind.ON_DAY: "renewal_on_day",
}


@dataclass
class RenewalRun:
    """What one run did."""

    today: datetime.date
    sent: dict = field(default_factory=dict)  # kind -> count
    failed: int = 0
    skipped_in_progress: int = 0
    lapsed: int = 0

    @property
    def sent_total(self):
        return sum(self.sent.values())

    def as_dict(self):
        return {
            "today": self.today.isoformat(),
            "sent": dict(self.sent),
            "failed": self.failed,
            "skipped_in_progress": self.skipped_in_progress,
            "lapsed": self.lapsed,
        }


def membership_settings():
    """The MembershipSettings of the default site (unsaved defaults if none)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return MembershipSettings()
    return MembershipSettings.for_site(site)


def due_kind(member, today):
    """Which reminder, if any, is due for ``member`` on ``today``."""
    end = member.current_period_end
    if end is None or member.status != Member.Status.ACTIVE:
        return None
    if end - datetime.timedelta(days=REMIND_DAYS_BEFORE) <= today < end:
        return RenewalReminder.Kind.BEFORE
    if end <= today < end + datetime.timedelta(days=LAPSE_DAYS_AFTER):
        return RenewalReminder.Kind.ON_DAY
    return None


def run_renewals(today=None, now=None):
    """Lapse memberships unpaid 30 days after their end, then send due reminders.

    ``today`` (a local date) and ``now`` are for tests; both default to the
    present. Returns a RenewalRun.
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    run = RenewalRun(today=today)
    run.lapsed = lapse_unpaid(today)

    members = (
        Member.objects.not_erased()
        .filter(
            status=Member.Status.ACTIVE,
            current_period_end__gt=today - datetime.timedelta(days=LAPSE_DAYS_AFTER),
            current_period_end__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .select_related("membership_type")
        .order_by("pk")
    )
    settings_ = None
    for member in list(members):
        kind = due_kind(member, today)
        if kind is None:
            continue
        reminder = claim_reminder(member, kind, now)
        if reminder is None:
            if RenewalReminder.objects.filter(
                member=member,
                period_end=member.current_period_end,
                kind=kind,
                sent_at__isnull=True,
            ).exists():
                run.skipped_in_progress += 1
            continue
        # The member may have paid (or cancelled) since the query above.
        member.refresh_from_db()
        if due_kind(member, today) != kind or (
            member.current_period_end != reminder.period_end
        ):
            reminder.delete()
            continue
        if settings_ is None:
            settings_ = membership_settings()
        if send_reminder(member, reminder, settings_):
            run.sent[kind] = run.sent.get(kind, 0) + 1
        else:
            run.failed += 1
    return run


def lapse_unpaid(today):
    """Mark lapsed every active membership whose end passed 30 days ago."""
    cutoff = today - datetime.timedelta(days=LAPSE_DAYS_AFTER)
    return (
        Member.objects.not_erased()
        .filter(status=Member.Status.ACTIVE, current_period_end__lte=cutoff)
        .update(status=Member.Status.LAPSED, updated_at=timezone.now())
    )


def stale_claim():
    seconds = getattr(settings, "PSG_RENEWALS_STALE_AFTER", None)
    return STALE_CLAIM if seconds is None else datetime.timedelta(seconds=seconds)


def claim_reminder(member, kind, now):
    """Claim the right to send one reminder; the RenewalReminder, or None.

    None means it was sent already, or another run is sending it right now
    (claimed less than STALE_CLAIM ago).
    """
    with transaction.atomic():
        reminder, created = RenewalReminder.objects.get_or_create(
            member=member, period_end=member.current_period_end, kind=kind
        )
    if created:
        return reminder
    if reminder.sent_at is not None:
        return None
    # Take over a send that died half way; the UPDATE is the claim, so of two
    # runs doing this at once only one wins.
    taken = RenewalReminder.objects.filter(
        pk=reminder.pk, sent_at__isnull=True, created_at__lt=now - stale_claim()
    ).update(created_at=now)
    if taken:
        logger.warning(
            "Retrying renewal reminder %s for member %s, claimed at %s and never sent",
            kind,
            member.pk,
            reminder.created_at,
        )
        reminder.created_at = now
        return reminder
    return None


def reminder_context(member, reminder, settings_):
    return {
        "member": member,
        "kind": reminder.kind,
        "period_end": reminder.period_end,
        "fee": member.membership_type.annual_fee,
        "membership_type": member.membership_type.name,
        "payment_reference": member.payment_reference,
        "pays_by_standing_order": member.payment_method == "standing-order",
        "bank": settings_,
        "secretary_email": settings_.secretary_email,
        "sign_in_path": reverse("membership-sign-in"),
    }


def send_reminder(member, reminder, settings_):
    """Send one claimed reminder; True once the SMTP server has accepted it."""
    message = build_email(
        TEMPLATES[reminder.kind],
        reminder_context(member, reminder, settings_),
        to=member.email,
        reply_to=settings_.secretary_email or None,
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        # Not accepted: release the claim so the next run tries again.
        logger.exception(
            "Renewal reminder %s for member %s not sent", reminder.kind, member.pk
        )
        RenewalReminder.objects.filter(pk=reminder.pk, sent_at__isnull=True).delete()
        return False
    # Accepted: record it at once. A crash between the two lines is the only
    # way the reminder could go twice.
    RenewalReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())
    return True


# Scheduling the daily task ------------------------------------------------


def next_run_time(now=None):
    """The next DAILY_RUN_AT (local time) after ``now``."""
    return scheduling.next_daily_run(DAILY_RUN_AT, now)


def schedule_next_run(now=None):
    """Make sure one future run of the ``run_renewals`` task is waiting
    (see ``psg.core.scheduling.ensure_waiting``); returns when it is due, or
    None when the task backend cannot defer tasks."""
    from psg.members import tasks

    return scheduling.ensure_waiting(
        tasks.run_renewals, next_run_time(now), "run_renewals"
    )
