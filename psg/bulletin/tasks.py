"""The bulletin's scheduled background work, run by the task worker
(django-tasks); see psg.bulletin.upkeep. Sending an edition has its own
task, psg.bulletin.sending.send_batch."""

from django_tasks import task

from . import upkeep


@task()
def bulletin_daily():
    """Purge unconfirmed sign-ups; keep the bounce task going if configured.

    Queues tomorrow's run before doing today's, so a failure today does not
    break the chain; only one run is ever waiting. Safe to run twice.
    """
    upkeep.schedule_daily()
    upkeep.schedule_bounces()
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
    upkeep.schedule_bounces()
    return upkeep.run_bounces()
