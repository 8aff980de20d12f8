"""The daily renewals job: reminders before and on a period's end, then lapsing.

``run_renewals()`` is safe to run any number of times a day, and after a
crash: each reminder is claimed (its RenewalReminder row, unique per member,
period end and kind) before it is sent, and marked sent once the SMTP server
has accepted it. The ``run_renewals`` task (psg.members.tasks) runs it daily,
or a cron job calling ``manage.py run_renewals``. One member's reminder
failing (an error of any kind) is logged, marked on its claim and retried by
the next run; it never stops the others. A claim left unsent by a worker
killed mid-run is sent again once older than PSG_RENEWALS_STALE_AFTER
(an hour by default). docs/membership.md
("Renewals") tells the whole story.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from psg.core import scheduling
from psg.core.addresses import absolute
from psg.core.smtp import MAIL_ERRORS
from psg.core.templated_email import build_email
from psg.members.languages import in_language
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
    settings_ = []  # read once, when the first reminder is due
    for member in list(members):
        try:
            remind(member, today, now, run, settings_)
        except Exception as error:
            # One member's bad data (an address no mail library can encode,
            # say) must not stop the others' reminders, nor the purge after.
            logger.exception("Renewal reminder for member %s failed", member.pk)
            mark_failed(member, now, error)
            run.failed += 1
    return run


def remind(member, today, now, run, settings_):
    """Send ``member`` the reminder due today, if any; counted in ``run``."""
    kind = due_kind(member, today)
    if kind is None:
        return
    reminder = claim_reminder(member, kind, now)
    if reminder is None:
        if RenewalReminder.objects.filter(
            member=member,
            period_end=member.current_period_end,
            kind=kind,
            sent_at__isnull=True,
        ).exists():
            run.skipped_in_progress += 1
        return
    # The member may have paid (or cancelled) since the query above.
    member.refresh_from_db()
    if due_kind(member, today) != kind or (
        member.current_period_end != reminder.period_end
    ):
        reminder.delete()
        return
    if not settings_:
        settings_.append(membership_settings())
    if send_reminder(member, reminder, settings_[0]):
        run.sent[kind] = run.sent.get(kind, 0) + 1
    else:
        run.failed += 1


def mark_failed(member, now, error):
    """Record on the member's unsent reminder claims why sending failed; the
    next run tries again (``claim_reminder``)."""
    RenewalReminder.objects.filter(member=member, sent_at__isnull=True).update(
        failed_at=now, last_error=f"{type(error).__name__}: {error}"[:500]
    )


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
    # A claim whose send failed with an error is taken over at once.
    taken = (
        RenewalReminder.objects.filter(pk=reminder.pk, sent_at__isnull=True)
        .filter(Q(created_at__lt=now - stale_claim()) | Q(failed_at__isnull=False))
        .update(created_at=now, failed_at=None)
    )
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
        "sign_in_url": absolute(None, reverse("membership-sign-in")),
    }


def send_reminder(member, reminder, settings_):
    """Send one claimed reminder; True once the SMTP server has accepted it."""
    with in_language(member):
        message = build_email(
            TEMPLATES[reminder.kind],
            reminder_context(member, reminder, settings_),
            to=member.email,
            reply_to=settings_.secretary_email or None,
        )
    try:
        message.send()
    except MAIL_ERRORS:
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
