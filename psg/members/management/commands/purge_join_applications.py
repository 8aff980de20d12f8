"""Delete join applications nobody confirmed within 30 days."""

from django.core.management.base import BaseCommand

from psg.members.join.applications import PURGE_AFTER, purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete join applications nobody confirmed within 30 days. Safe to run "
        "any number of times; run it daily (cron) or enqueue the "
        "purge_join_applications task."
    )

    def handle(self, *args, **options):
        deleted = purge_unconfirmed()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed join application(s) older than "
            f"{PURGE_AFTER.days} days."
        )
