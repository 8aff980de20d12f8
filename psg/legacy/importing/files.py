"""The import run: finding the export files, one transaction each, the report.

A file that fails half way leaves nothing behind, and the run goes on with the
next one (docs/legacy-import.md).
"""

import contextlib
from pathlib import Path

from django.db import transaction

from psg.legacy.parsing.common import UnreadableExport, decode_export
from psg.legacy.parsing.exports import parse_export

from .items import Vocabulary
from .news import NewsImporter
from .publications import PublicationImporter
from .report import ImportSummary, ReportedProblem


def collect_files(paths):
    """(files, problems): the files named, and folders' *.txt, recursively."""
    files, problems = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                problems.append(ReportedProblem(str(path), "", "no .txt files in it"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(ReportedProblem(str(path), "", "no such file or folder"))
    return list(dict.fromkeys(files)), problems


def default_show_progress(files, stream):
    """The progress bar shows for several files on a terminal."""
    return len(files) > 1 and hasattr(stream, "isatty") and stream.isatty()


class LegacyImporter:
    """Imports legacy exports; ``summary`` holds what happened.

    ``log`` (optional) is called with one line per item imported, for
    verbose output.
    """

    def __init__(self, log=None):
        self.summary = ImportSummary()
        self.log = log or (lambda line: None)
        vocabulary = Vocabulary.load()
        self.news = NewsImporter(vocabulary)
        self.publications = PublicationImporter(vocabulary)

    def import_files(self, files, dry_run=False, after_each=None):
        """Import ``files`` in order; with ``dry_run``, undo it all at the end."""
        self.summary.dry_run = dry_run
        # A dry run imports for real, so that its counts are true, inside one
        # transaction that is then rolled back; each file's own transaction
        # becomes a savepoint within it.
        with transaction.atomic() if dry_run else contextlib.nullcontext():
            for path in files:
                self.import_file(path)
                if after_each:
                    after_each(path)
            if dry_run:
                transaction.set_rollback(True)
        return self.summary

    def import_file(self, path):
        """Import one export; its problems go to the summary, never raise."""
        path = Path(path)
        name = path.name
        try:
            text = decode_export(path.read_bytes())
            parsed = parse_export(text, name)
        except UnreadableExport as error:
            self._skip_file(name, error.reason)
            return
        except OSError as error:
            self._skip_file(name, f"cannot be read ({error.strerror or error})")
            return
        results = []
        try:
            with transaction.atomic():
                for item in parsed.news:
                    results.append(self.news.import_item(item, name))
                for item in parsed.publications:
                    results.append(self.publications.import_item(item, name))
        # Whatever goes wrong, only this file is lost: report it and go on.
        except Exception as error:
            self._skip_file(
                name,
                f"import failed ({type(error).__name__}: {error}); "
                "nothing from this file was saved",
            )
            return
        self.summary.files_read += 1
        for problem in parsed.problems:
            self.summary.problems.append(
                ReportedProblem(name, problem.where, problem.reason)
            )
        for result in results:
            self.summary.count(result.action)
            self.summary.redirects_created += result.redirects_created
            for note in result.notes:
                self.summary.problems.append(
                    ReportedProblem(name, f'"{result.title}"', note)
                )
            self.log(f"{result.action}: {result.title} ({name})")

    def _skip_file(self, name, reason):
        self.summary.files_skipped += 1
        self.summary.problems.append(ReportedProblem(name, "", reason))
