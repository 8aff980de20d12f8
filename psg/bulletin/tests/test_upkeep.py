"""Scheduled upkeep: unconfirmed sign-ups purged after their link's
lifetime, and the bounce Maildir read every few minutes, each by a task
that keeps exactly one future run of itself waiting."""

import datetime
import io
import threading
import time
import zoneinfo

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from psg.bulletin import subscriptions, tasks, upkeep
from psg.bulletin.bounces import maildir_turn, process_maildir
from psg.bulletin.models import Subscriber
from psg.core.tests.task_queue import waiting, work
from psg.members.tests.factories import MemberFactory

from .subscriber_factories import SubscriberFactory
from .test_bounces import deliver, hard, junk, maildir  # noqa: F401 (fixture)
from .test_subscribe import confirm_path, submit

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def bounce_settings(settings, maildir):  # noqa: F811
    settings.PSG_BOUNCE_MAILDIR = maildir.path
    settings.PSG_BOUNCE_INTERVAL_MINUTES = 10
    return maildir


def age(subscriber, seconds):
    Subscriber.objects.filter(pk=subscriber.pk).update(
        updated_at=timezone.now() - datetime.timedelta(seconds=seconds)
    )


# Purging unconfirmed sign-ups ----------------------------------------------


def test_unconfirmed_sign_ups_go_once_their_link_has_expired(settings):
    lifetime = settings.PSG_JOIN_LINK_MAX_AGE
    expired = SubscriberFactory(
        status=Subscriber.Status.PENDING, confirmed_at=None, series=[]
    )
    fresh = SubscriberFactory(
        status=Subscriber.Status.PENDING, confirmed_at=None, series=[]
    )
    left_long_ago = SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    reader = SubscriberFactory()
    # Made pending by hand after being confirmed once: not a sign-up.
    was_confirmed = SubscriberFactory(status=Subscriber.Status.PENDING)
    members = SubscriberFactory(
        status=Subscriber.Status.PENDING,
        confirmed_at=None,
        member=MemberFactory(),
        series=[],
    )
    for subscriber in (expired, left_long_ago, reader, was_confirmed, members):
        age(subscriber, lifetime + 60)
    age(fresh, lifetime - 60)

    assert subscriptions.purge_unconfirmed() == 1
    assert subscriptions.purge_unconfirmed() == 0

    assert set(Subscriber.objects.all()) == {
        fresh,
        left_long_ago,
        reader,
        was_confirmed,
        members,
    }


def test_asking_again_restarts_the_clock(client, smtp_server, settings, site):
    submit(client)
    subscriber = Subscriber.objects.get()
    age(subscriber, settings.PSG_JOIN_LINK_MAX_AGE + 60)

    submit(client)  # a new link, valid for the whole lifetime again

    assert subscriptions.purge_unconfirmed() == 0
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_a_purged_sign_ups_link_says_it_has_expired(
    client, smtp_server, settings, site
):
    submit(client)
    path = confirm_path(smtp_server.messages[0])
    age(Subscriber.objects.get(), settings.PSG_JOIN_LINK_MAX_AGE + 60)
    subscriptions.purge_unconfirmed()

    response = client.post(path)

    assert response.status_code == 410
    assert not Subscriber.objects.exists()


# The daily task ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime.datetime(2026, 5, 4, 5, 29, tzinfo=LONDON), (2026, 5, 4)),
        (datetime.datetime(2026, 5, 4, 5, 30, tzinfo=LONDON), (2026, 5, 5)),
        # The night the clocks go forward (29 March 2026).
        (datetime.datetime(2026, 3, 28, 12, 0, tzinfo=LONDON), (2026, 3, 29)),
    ],
)
def test_the_daily_run_is_half_past_five_london_time(now, expected):
    when = upkeep.next_daily_run(now).astimezone(LONDON)

    assert (when.year, when.month, when.day) == expected
    assert (when.hour, when.minute) == (5, 30)


def test_schedule_seeds_one_daily_run_however_often_it_is_called(database_tasks):
    out = io.StringIO()
    call_command("bulletin_upkeep", "--schedule", stdout=out)
    call_command("bulletin_upkeep", "--schedule", stdout=io.StringIO())
    tasks.schedule_daily()

    [daily] = waiting(tasks.bulletin_daily)
    assert daily.run_after == upkeep.next_daily_run()
    assert "The next bulletin upkeep run is queued for" in out.getvalue()
    assert "No bounce Maildir is set" in out.getvalue()
    assert not waiting(tasks.process_bounces).exists()


def test_the_daily_run_purges_and_queues_the_next(database_tasks, settings):
    expired = SubscriberFactory(
        status=Subscriber.Status.PENDING, confirmed_at=None, series=[]
    )
    age(expired, settings.PSG_JOIN_LINK_MAX_AGE + 60)
    tasks.schedule_daily()
    [first] = waiting(tasks.bulletin_daily)

    done = work(first)

    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == {"purged_signups": 1}
    assert not Subscriber.objects.exists()
    [second] = waiting(tasks.bulletin_daily)
    assert second.pk != first.pk
    assert second.run_after == upkeep.next_daily_run()


def test_a_failing_daily_run_has_already_queued_the_next(database_tasks, monkeypatch):
    tasks.schedule_daily()
    [first] = waiting(tasks.bulletin_daily)

    def broken():
        raise RuntimeError("database went away")

    monkeypatch.setattr(upkeep, "run_daily", broken)
    done = work(first)

    assert done.status == TaskResultStatus.FAILED
    assert waiting(tasks.bulletin_daily).count() == 1


def test_without_a_database_backend_nothing_is_scheduled(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    err = io.StringIO()

    call_command("bulletin_upkeep", "--schedule", stdout=io.StringIO(), stderr=err)

    assert "cron" in err.getvalue()
    assert not DBTaskResult.objects.exists()


# Reading bounces every few minutes ---------------------------------------------


def test_schedule_seeds_the_bounce_run_when_a_maildir_is_set(
    database_tasks, bounce_settings
):
    out = io.StringIO()
    before = timezone.now()

    call_command("bulletin_upkeep", "--schedule", stdout=out)
    call_command("bulletin_upkeep", "--schedule", stdout=io.StringIO())

    [bounces] = waiting(tasks.process_bounces)
    assert (
        before + datetime.timedelta(minutes=10)
        <= bounces.run_after
        <= timezone.now() + datetime.timedelta(minutes=10)
    )
    assert f"Bounces are read from {bounce_settings.path} every 10 minutes" in (
        out.getvalue()
    )


def test_each_bounce_run_reads_the_maildir_and_queues_the_next(
    database_tasks, bounce_settings
):
    SubscriberFactory(email="gone@example.org")
    deliver(bounce_settings, hard("gone@example.org"), junk())
    tasks.schedule_bounces()
    [first] = waiting(tasks.process_bounces)

    done = work(first)

    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value["read"] == 2
    assert done.return_value["hard"] == 1
    assert done.return_value["stopped"] == 1
    assert done.return_value["not_notifications"] == 1
    gone = Subscriber.objects.get(email="gone@example.org")
    assert gone.status == Subscriber.Status.BOUNCED
    [second] = waiting(tasks.process_bounces)
    assert second.pk != first.pk

    # A run queued by hand as well: it counts nothing again, and one run
    # still waits.
    extra = work(DBTaskResult.objects.get(pk=tasks.process_bounces.enqueue().id))
    assert extra.return_value["hard"] == 0
    assert extra.return_value["read"] == 0  # the junk too was marked seen
    assert list(waiting(tasks.process_bounces)) == [second]
    gone.refresh_from_db()
    assert gone.soft_bounce_count == 0


def test_the_daily_run_restarts_a_lost_bounce_run(database_tasks, bounce_settings):
    tasks.schedule_daily()
    assert not waiting(tasks.process_bounces).exists()

    work(waiting(tasks.bulletin_daily).get())

    assert waiting(tasks.process_bounces).count() == 1


def test_without_a_maildir_the_bounce_run_stops(database_tasks, settings):
    settings.PSG_BOUNCE_MAILDIR = ""
    result = DBTaskResult.objects.get(pk=tasks.process_bounces.enqueue().id)

    done = work(result)

    assert done.return_value == {"skipped": "PSG_BOUNCE_MAILDIR is not set"}
    assert not waiting(tasks.process_bounces).exists()


def test_a_missing_maildir_fails_the_run_but_keeps_the_chain(
    database_tasks, settings, tmp_path
):
    settings.PSG_BOUNCE_MAILDIR = str(tmp_path / "not-there")
    tasks.schedule_bounces()

    done = work(waiting(tasks.process_bounces).get())

    assert done.status == TaskResultStatus.FAILED
    assert waiting(tasks.process_bounces).count() == 1


def test_the_command_does_the_work_once_for_cron(bounce_settings, settings):
    SubscriberFactory(email="gone@example.org")
    deliver(bounce_settings, hard("gone@example.org"))
    expired = SubscriberFactory(
        status=Subscriber.Status.PENDING, confirmed_at=None, series=[]
    )
    age(expired, settings.PSG_JOIN_LINK_MAX_AGE + 60)
    out = io.StringIO()

    call_command("bulletin_upkeep", stdout=out)
    call_command("bulletin_upkeep", stdout=out)

    assert "1 unconfirmed sign-up(s) older than their link deleted." in out.getvalue()
    assert "Bounces: read 1 new message(s), 1 hard" in out.getvalue()
    assert "Bounces: read 0 new message(s), 0 hard" in out.getvalue()
    assert Subscriber.objects.get().status == Subscriber.Status.BOUNCED


def test_two_runs_on_one_maildir_take_turns(maildir):  # noqa: F811
    """While one run holds the Maildir, a second waits for it."""
    entered = threading.Event()

    def second_run():
        with maildir_turn(maildir.path):
            entered.set()

    with maildir_turn(maildir.path):
        other = threading.Thread(target=second_run)
        other.start()
        time.sleep(0.3)
        assert not entered.is_set()
    other.join(timeout=5)

    assert entered.is_set()
    assert process_maildir(maildir.path).read == 0
