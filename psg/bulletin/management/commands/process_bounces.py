"""Read bounce notifications from a Maildir and stop sending to bad addresses."""

import os

from django.core.management.base import BaseCommand, CommandError

from psg.bulletin.bounces import process_maildir


class Command(BaseCommand):
    help = (
        "Read delivery-status notifications (RFC 3464) from a Maildir: a hard "
        "bounce, or three soft ones in a row, stops the bulletin going to that "
        "address. Only notifications sent back to the signed return path of a "
        "message the site sent count. Every message read is marked seen (a "
        "notification is deleted instead with --delete); anything that is not "
        "a notification is listed. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("maildir", help="Path of the Maildir (with new/ and cur/)")
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Delete processed notifications instead of marking them seen.",
        )

    def handle(self, maildir, delete=False, **options):
        if not os.path.isdir(os.path.join(maildir, "new")):
            raise CommandError(f"{maildir} is not a Maildir (no new/ folder).")
        summary = process_maildir(maildir, delete=delete)
        self.stdout.write(
            f"Read {summary.read} new message(s): {summary.hard} hard bounce(s), "
            f"{summary.soft} soft bounce(s), {summary.successes} delivery "
            f"report(s), {summary.unknown} for addresses no longer subscribed, "
            f"{summary.ignored} ignored (not for a message the site sent)."
        )
        for email in summary.stopped:
            self.stdout.write(f"Stopped sending to {email} (bouncing).")
        if summary.unparseable:
            self.stderr.write(
                f"{len(summary.unparseable)} message(s) are not delivery-status "
                "notifications (marked seen, not read again):"
            )
            for key in summary.unparseable:
                self.stderr.write(f"  {key}")
