"""The bulletin's upkeep: purge unconfirmed sign-ups, read bounces."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from psg.bulletin import tasks, upkeep


class Command(BaseCommand):
    help = (
        "Delete bulletin sign-ups nobody confirmed within their link's "
        "lifetime and, when PSG_BOUNCE_MAILDIR is set, read the bounces in "
        "that Maildir. Safe to run more than once. With --schedule, make sure "
        "the task worker has the daily run (and the bounce run every "
        "PSG_BOUNCE_INTERVAL_MINUTES) waiting instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help=(
                "Queue the bulletin's upkeep tasks for the task worker (once; "
                "they then re-queue themselves) and exit without running them."
            ),
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            self.schedule()
            return
        done = upkeep.run_daily()
        self.stdout.write(
            f"{done['purged_signups']} unconfirmed sign-up(s) older than their "
            "link deleted."
        )
        bounces = upkeep.run_bounces()
        if bounces is None:
            self.stdout.write("No bounce Maildir is set (PSG_BOUNCE_MAILDIR).")
        else:
            self.stdout.write(
                f"Bounces: read {bounces['read']} new message(s), "
                f"{bounces['hard']} hard, {bounces['soft']} soft, "
                f"{bounces['stopped']} address(es) stopped."
            )

    def schedule(self):
        when = tasks.schedule_daily()
        if when is None:
            self.stderr.write(
                "The task backend cannot hold tasks for later; run this command "
                "from cron or a systemd timer instead (daily, or every few "
                "minutes to read bounces)."
            )
            return
        self.stdout.write(
            "The next bulletin upkeep run is queued for "
            f"{timezone.localtime(when):%Y-%m-%d %H:%M %Z}."
        )
        bounces = tasks.schedule_bounces()
        if bounces is None:
            self.stdout.write(
                "No bounce Maildir is set (PSG_BOUNCE_MAILDIR): bounces are not read."
            )
        else:
            self.stdout.write(
                f"Bounces are read from {upkeep.bounce_maildir()} every "
                f"{int(upkeep.bounce_interval().total_seconds() // 60)} minutes; "
                f"the next run is queued for "
                f"{timezone.localtime(bounces):%Y-%m-%d %H:%M %Z}."
            )
