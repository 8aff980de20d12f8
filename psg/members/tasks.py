"""Background work for members, run by the task worker (django-tasks)."""

from django_tasks import task

from psg.core import scheduling
from psg.members import renewals
from psg.members.account import emails as account_emails
from psg.members.join.applications import purge_unconfirmed


@task()
def run_renewals():
    """The daily membership job: renewals (see psg.members.renewals) and the
    purge of unconfirmed join applications.

    Schedules tomorrow's run before doing today's, so a failure today does not
    break the chain; only one run is ever waiting.
    """
    schedule_next_run()
    try:
        result = renewals.run_renewals().as_dict()
    finally:
        # The daily run also clears join applications nobody confirmed in 30
        # days, whatever happened to the reminders.
        purged = purge_unconfirmed()
    result["purged_applications"] = purged
    return result


@task()
def send_signin_link(member_id):
    """Email a member a link to sign in at /membership/."""
    account_emails.send_signin_email(member_id)


@task()
def purge_join_applications():
    """Delete join applications nobody confirmed within 30 days (safe to rerun).

    Returns how many were deleted.
    """
    return purge_unconfirmed()


def schedule_next_run(now=None):
    """Make sure one future run of ``run_renewals`` is waiting (see
    ``psg.core.scheduling.ensure_waiting``); returns when it is due, or None
    when the task backend cannot defer tasks."""
    return scheduling.ensure_waiting(
        run_renewals, renewals.next_run_time(now), "run_renewals"
    )
