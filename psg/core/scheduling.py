"""Self-rescheduling tasks: the renewals job and the bulletin's upkeep.

Each such task keeps exactly one future run of itself waiting in the
database task queue (django_tasks_db, which can hold a task until its
``run_after``), queuing its successor before doing its work so that a
failure does not break the chain.
"""

import datetime
import logging

from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from django.db import connection, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# Any fixed number: the PostgreSQL advisory lock that serialises scheduling.
_SCHEDULE_LOCK_ID = 73_012_026


def next_daily_run(at, now=None):
    """The next time of day ``at`` (local time, Europe/London) after
    ``now``."""
    local = timezone.localtime(now or timezone.now())
    zone = timezone.get_current_timezone()
    candidate = datetime.datetime.combine(local.date(), at, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.datetime.combine(
            local.date() + datetime.timedelta(days=1), at, tzinfo=zone
        )
    return candidate


def ensure_waiting(task, run_after, cron_command):
    """Make sure one future run of ``task`` is waiting; returns when it is
    due, or None when the task backend cannot hold tasks for later (then a
    warning names ``cron_command``, the management command to run from cron
    instead).

    If a run is already waiting nothing is added, so there is only ever one:
    the check and the enqueue share a transaction holding a lock (an
    advisory lock on PostgreSQL; on SQLite the project's IMMEDIATE
    transactions take the write lock at BEGIN).
    """
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        logger.warning(
            "The %s task backend cannot hold a task for later; %s is not "
            "scheduled (run `manage.py %s` from cron instead).",
            backend.alias,
            task.name,
            cron_command,
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
