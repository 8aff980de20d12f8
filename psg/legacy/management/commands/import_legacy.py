"""manage.py import_legacy PATH...: import text exports of the legacy site."""

import contextlib
import logging
import sys

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from psg.legacy.importing.files import (
    LegacyImporter,
    collect_files,
    default_show_progress,
)

# Publishing a page logs a line or two per page (and per background task) at
# INFO: fine for the admin, a flood for an import of thousands of items.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "django_tasks_db")


@contextlib.contextmanager
def quieter_logs(names):
    """Raise the given loggers to WARNING for the duration."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Import text exports of the legacy site (article pages, news listings, "
        "the publications listing) as news and publication pages. Folders are "
        "read recursively for *.txt. Running it again on the same files changes "
        "nothing; see docs/legacy-import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Export files or folders.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Parse and report what would happen, saving nothing.",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show a progress bar even when stderr is not a terminal.",
        )

    def handle(self, *args, paths, dry_run, progress, verbosity, **options):
        files, problems = collect_files(paths)
        # tqdm draws with carriage returns, which Django's OutputWrapper would
        # break up with newlines: give it the raw stream.
        stream = options.get("stderr") or sys.stderr
        show = progress or default_show_progress(files, stream)
        log = self.stdout.write if verbosity >= 2 else None
        importer = LegacyImporter(log=log)
        importer.summary.problems.extend(problems)
        quiet = quieter_logs(CHATTY_LOGGERS if verbosity < 3 else ())
        bar = tqdm(total=len(files), file=stream, disable=not show, unit="file")
        with quiet, bar:
            importer.import_files(
                files, dry_run=dry_run, after_each=lambda path: bar.update()
            )
        summary = importer.summary
        if verbosity >= 1:
            for line in summary.lines():
                self.stdout.write(line)
        if summary.files_read == 0:
            raise CommandError(
                "Nothing could be imported: no file was read successfully "
                "(the problems are listed above)."
            )
