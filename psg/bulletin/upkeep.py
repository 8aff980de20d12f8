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

Each run queues its successor before doing its work, so a failure does not
break the chain. ``manage.py bulletin_upkeep --schedule`` (run by ``make
setup``) seeds both; without ``--schedule`` the command does the work once,
for a cron job or systemd timer when the task worker is not used.
"""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .bounces import process_maildir
from .subscriptions import purge_unconfirmed

logger = logging.getLogger(__name__)

# When the daily task runs, local time (Europe/London); renewals run at 06:00.
DAILY_RUN_AT = datetime.time(5, 30)
# Any fixed number: the PostgreSQL advisory lock that serialises scheduling.
_SCHEDULE_LOCK_ID = 73_012_027


def bounce_maildir():
    """The Maildir that receives the bulletin's bounces, or "" when none."""
    return getattr(settings, "PSG_BOUNCE_MAILDIR", "") or ""


def bounce_interval():
    minutes = int(getattr(settings, "PSG_BOUNCE_INTERVAL_MINUTES", 15))
    return datetime.timedelta(minutes=max(1, minutes))


def next_daily_run(now=None):
    """The next DAILY_RUN_AT (local time) after ``now``."""
    local = timezone.localtime(now or timezone.now())
    zone = timezone.get_current_timezone()
    candidate = datetime.datetime.combine(local.date(), DAILY_RUN_AT, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.datetime.combine(
            local.date() + datetime.timedelta(days=1), DAILY_RUN_AT, tzinfo=zone
        )
    return candidate


def ensure_waiting(task, run_after):
    """Make sure one future run of ``task`` is waiting; returns when it is
    due, or None when the task backend cannot hold tasks for later.

    If a run is already waiting nothing is added, so there is only ever one:
    the check and the enqueue share a transaction holding a lock (an
    advisory lock on PostgreSQL; on SQLite the project's IMMEDIATE
    transactions take the write lock at BEGIN).
    """
    from django_tasks import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        logger.warning(
            "The %s task backend cannot hold a task for later; %s is not "
            "scheduled (run `manage.py bulletin_upkeep` from cron instead).",
            backend.alias,
            task.name,
        )
        return None
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEDULE_LOCK_ID])
        waiting = (
            DBTaskResult.objects.filter(
                task_path=task.module_path,
                backend_name=backend.alias,
                status=TaskResultStatus.READY,
            )
            .order_by("run_after")
            .first()
        )
        if waiting is not None:
            if waiting.run_after == get_date_max():  # queued to run at once
                return timezone.now()
            return waiting.run_after
        task.using(run_after=run_after).enqueue()
        return run_after


def schedule_daily(now=None):
    """Make sure the next daily run is waiting (see ``ensure_waiting``)."""
    from . import tasks

    return ensure_waiting(tasks.bulletin_daily, next_daily_run(now))


def schedule_bounces(now=None):
    """Make sure the next bounce run is waiting, if a Maildir is configured;
    returns when it is due, or None."""
    from . import tasks

    if not bounce_maildir():
        return None
    return ensure_waiting(
        tasks.process_bounces, (now or timezone.now()) + bounce_interval()
    )


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
