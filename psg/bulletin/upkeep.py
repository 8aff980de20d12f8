"""The bulletin's scheduled upkeep, run by the task worker (django-tasks).

Two self-rescheduling tasks (``psg.bulletin.tasks``), each keeping exactly
one future run of itself waiting in the database task queue:

- ``bulletin_daily``, every day at 05:30 London time: deletes sign-ups
  nobody confirmed within their link's lifetime, and makes sure the bounce
  task is waiting when a bounce Maildir is configured;
- ``process_bounces``, every ``PSG_BOUNCE_INTERVAL_MINUTES`` (default 15)
  while ``PSG_BOUNCE_MAILDIR`` is set: reads that Maildir's new bounce
  notifications (``psg.bulletin.bounces.process_maildir``, which marks each
  one it has read, so a second run counts nothing again).

Each run queues its successor (``psg.bulletin.tasks``) before doing its work.
``manage.py bulletin_upkeep --schedule`` seeds both; without it the command
does the work once, for a cron job. See docs/bulletin.md.
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
        "not_notifications": len(summary.unparseable),
    }
