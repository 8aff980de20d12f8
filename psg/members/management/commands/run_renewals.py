"""Send due renewal reminders and lapse unpaid memberships (run daily)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from psg.members import renewals, tasks
from psg.members.models import RenewalReminder


class Command(BaseCommand):
    help = (
        "Send renewal reminders (30 days before a membership ends and on the "
        "day), and mark memberships lapsed 30 days after an unpaid end. Safe to "
        "run more than once a day. With --schedule, make sure the task worker "
        "has the next daily run waiting instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help=(
                "Queue the daily run_renewals task for the task worker (once; "
                "it then re-queues itself each day) and exit without running."
            ),
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            when = tasks.schedule_next_run()
            if when is None:
                self.stderr.write(
                    "The task backend cannot hold tasks for later; run this "
                    "command daily from cron or a systemd timer instead."
                )
                return
            self.stdout.write(
                "The next renewals run is queued for "
                f"{timezone.localtime(when):%Y-%m-%d %H:%M %Z}."
            )
            return

        run = renewals.run_renewals()
        before = run.sent.get(RenewalReminder.Kind.BEFORE, 0)
        on_day = run.sent.get(RenewalReminder.Kind.ON_DAY, 0)
        self.stdout.write(
            f"{run.today:%Y-%m-%d}: {run.sent_total} reminders sent "
            f"({before} 30 days before, {on_day} on the day), "
            f"{run.failed} failed, {run.skipped_in_progress} being sent elsewhere; "
            f"{run.lapsed} memberships lapsed."
        )
        if run.failed:
            self.stderr.write(
                f"{run.failed} reminders were not accepted by the mail server; "
                "the next run tries them again."
            )
