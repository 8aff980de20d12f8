"""Helpers for tests of tasks queued in the database, as in production: what
is waiting for a worker, and running one queued task as the worker does.

Use them with the ``database_tasks`` fixture (in the root conftest.py).
"""

from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def waiting(task):
    """The runs of ``task`` queued and not yet taken by a worker."""
    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    )


def work(db_result):
    """Run one queued task as `manage.py db_worker` does."""
    db_result.claim("test-worker")
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run_task(db_result)
    db_result.refresh_from_db()
    return db_result
