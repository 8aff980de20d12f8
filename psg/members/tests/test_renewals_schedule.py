"""The run_renewals task keeps exactly one future run of itself queued."""

import datetime
import io
import zoneinfo

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from psg.core.tests.task_queue import waiting, work
from psg.members import renewals, tasks
from psg.members.models import Member
from psg.members.tasks import run_renewals
from psg.members.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Before six in the morning: later the same day.
        (datetime.datetime(2026, 5, 4, 5, 59, tzinfo=LONDON), (2026, 5, 4)),
        # At or after six: the next day.
        (datetime.datetime(2026, 5, 4, 6, 0, tzinfo=LONDON), (2026, 5, 5)),
        (datetime.datetime(2026, 5, 4, 23, 30, tzinfo=LONDON), (2026, 5, 5)),
        # The night the clocks go forward (29 March 2026) and back (25 October).
        (datetime.datetime(2026, 3, 28, 12, 0, tzinfo=LONDON), (2026, 3, 29)),
        (datetime.datetime(2026, 10, 24, 12, 0, tzinfo=LONDON), (2026, 10, 25)),
    ],
)
def test_next_run_is_six_in_the_morning_london_time(now, expected):
    when = renewals.next_run_time(now)

    local = when.astimezone(LONDON)
    assert (local.year, local.month, local.day) == expected
    assert (local.hour, local.minute) == (6, 0)
    assert when > now


def test_schedule_seeds_one_future_run_however_often_it_is_called(database_tasks):
    out = io.StringIO()
    call_command("run_renewals", "--schedule", stdout=out)
    call_command("run_renewals", "--schedule", stdout=io.StringIO())
    tasks.schedule_next_run()

    [queued] = waiting(run_renewals)
    assert queued.run_after == renewals.next_run_time()
    assert queued.run_after > timezone.now()
    local = timezone.localtime(queued.run_after)
    assert "The next renewals run is queued for" in out.getvalue()
    assert f"{local:%Y-%m-%d} 06:00" in out.getvalue()


def test_each_run_queues_the_next_so_one_is_always_waiting(database_tasks):
    today = timezone.localdate()
    member = MemberFactory(
        status=Member.Status.ACTIVE,
        current_period_end=today - datetime.timedelta(days=30),
    )
    tasks.schedule_next_run()
    [first] = waiting(run_renewals)
    # Its time has come.
    DBTaskResult.objects.filter(pk=first.pk).update(
        run_after=timezone.now() - datetime.timedelta(minutes=1)
    )
    first.refresh_from_db()

    done = work(first)

    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value["lapsed"] == 1
    member.refresh_from_db()
    assert member.status == Member.Status.LAPSED
    [second] = waiting(run_renewals)
    assert second.pk != first.pk
    assert second.run_after == renewals.next_run_time()

    # Someone also queues a run by hand, or seeds the schedule again: when
    # that runs there is still one future run waiting, not two.
    extra = DBTaskResult.objects.get(pk=run_renewals.enqueue().id)
    work(extra)
    tasks.schedule_next_run()
    assert list(waiting(run_renewals)) == [second]


def test_a_failing_run_has_already_queued_the_next(database_tasks, monkeypatch):
    tasks.schedule_next_run()
    [first] = waiting(run_renewals)

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(renewals, "run_renewals", broken)
    done = work(first)

    assert done.status == TaskResultStatus.FAILED
    assert waiting(run_renewals).count() == 1


def test_without_a_database_backend_nothing_is_scheduled(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    err = io.StringIO()

    call_command("run_renewals", "--schedule", stdout=io.StringIO(), stderr=err)

    assert "cron" in err.getvalue()
    assert not DBTaskResult.objects.exists()
