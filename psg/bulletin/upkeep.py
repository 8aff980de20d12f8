"""The bulletin's scheduled upkeep: the daily purge of unconfirmed sign-ups,
and reading bounces from PSG_BOUNCE_MAILDIR.

The tasks of psg.bulletin.tasks run it and queue their next run first;
``manage.py bulletin_upkeep`` does the same work once, for a cron job.
docs/bulletin.md says when each runs.
"""

import datetime

from django.conf import settings

from psg.core import scheduling

from .bounces import process_maildir
from .subscriptions import purge_unconfirmed

# When the daily task runs, local time (Europe/London); renewals run at 06:00.
DAILY_RUN_AT = datetime.time(5, 30)


def bounce_maildir():
    """The Maildir that receives the bulletin's bounces, or "" when none."""
    return getattr(settings, "PSG_BOUNCE_MAILDIR", "") or ""


def bounce_interval():
    minutes = int(getattr(settings, "PSG_BOUNCE_INTERVAL_MINUTES", 15))
    return datetime.timedelta(minutes=max(1, minutes))


def next_daily_run(now=None):
    """The next DAILY_RUN_AT (local time) after ``now``."""
    return scheduling.next_daily_run(DAILY_RUN_AT, now)


def run_daily():
    """The daily work; returns what it did."""
    return {"purged_signups": purge_unconfirmed()}


def run_bounces():
    """Read the configured Maildir's new notifications; returns a summary
    (None when no Maildir is configured)."""
    path = bounce_maildir()
    if not path:
        return None
    summary = process_maildir(path)
    return {
        "read": summary.read,
        "hard": summary.hard,
        "soft": summary.soft,
        "successes": summary.successes,
        "stopped": len(summary.stopped),
        "unknown": summary.unknown,
        "ignored": summary.ignored,
        "not_notifications": len(summary.unparseable),
    }
