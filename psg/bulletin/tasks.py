"""The bulletin's scheduled background work, run by the task worker
(django-tasks); see psg.bulletin.upkeep. Sending an edition has its own
task, psg.bulletin.sending.send_batch."""

from django_tasks import task

from django.utils import timezone

from psg.core import scheduling

from . import upkeep


@task()
def bulletin_daily():
    """Purge unconfirmed sign-ups; keep the bounce task going if configured.

    Queues tomorrow's run before doing today's, so a failure today does not
    break the chain; only one run is ever waiting. Safe to run twice.
    """
    schedule_daily()
    schedule_bounces()
    return upkeep.run_daily()


@task()
def process_bounces():
    """Read the bounce Maildir (PSG_BOUNCE_MAILDIR), then again in
    PSG_BOUNCE_INTERVAL_MINUTES. Without a Maildir it stops queueing itself.

    Safe to run twice, even at once: each notification is marked as read
    when counted, and runs on one Maildir take turns.
    """
    if not upkeep.bounce_maildir():
        return {"skipped": "PSG_BOUNCE_MAILDIR is not set"}
    schedule_bounces()
    return upkeep.run_bounces()


def schedule_daily(now=None):
    """Make sure the next daily run is waiting (see
    ``psg.core.scheduling.ensure_waiting``)."""
    return scheduling.ensure_waiting(
        bulletin_daily, upkeep.next_daily_run(now), "bulletin_upkeep"
    )


def schedule_bounces(now=None):
    """Make sure the next bounce run is waiting, if a Maildir is configured;
    returns when it is due, or None."""
    if not upkeep.bounce_maildir():
        return None
    return scheduling.ensure_waiting(
        process_bounces,
        (now or timezone.now()) + upkeep.bounce_interval(),
        "bulletin_upkeep",
    )
