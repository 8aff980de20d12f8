"""The import run: finding the export files, one transaction each, the report.

A file that fails half way leaves nothing behind, and the run goes on with the
next one (docs/legacy-import.md).
"""

import contextlib
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from psg.core import purging
from psg.legacy.models import LegacyItem
from psg.legacy.parsing.common import UnreadableExport, decode_export
from psg.legacy.parsing.exports import parse_export
from psg.legacy.parsing.items import ParsedExport

from .items import Vocabulary
from .known import Known
from .news import NewsImporter
from .pages import PageWriter
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


@dataclass
class Entry:
    """One file of a batch: its parsed export, or why it is refused."""

    path: Path
    parsed: ParsedExport | None = None
    reason: str = ""

    @property
    def size(self):
        if self.parsed is None:
            return 0
        return len(self.parsed.news) + len(self.parsed.publications)

    def items(self):
        """(kind, item) for each item, as Known.prefetch takes them."""
        if self.parsed is None:
            return []
        return [(LegacyItem.Kind.NEWS, item) for item in self.parsed.news] + [
            (LegacyItem.Kind.PUBLICATION, item) for item in self.parsed.publications
        ]

    def refuse(self, reason):
        self.parsed, self.reason = None, reason


def read_file(path):
    """An Entry for the export at ``path``: parsed, or refused with a reason."""
    path = Path(path)
    try:
        return Entry(path, parse_export(decode_export(path.read_bytes()), path.name))
    except UnreadableExport as error:
        return Entry(path, reason=error.reason)
    except OSError as error:
        return Entry(path, reason=f"cannot be read ({error.strerror or error})")


class LegacyImporter:
    """Imports legacy exports; ``summary`` holds what happened.

    ``log`` (optional) is called with one line per item imported, for
    verbose output. Files are imported in batches of about ``batch_size``
    items, one transaction each: the batch's records, pages and redirects are
    read at once (``Known``) and its new pages written at once
    (``PageWriter``). A file that fails takes only itself down: the batch is
    rolled back and imported again without it.
    """

    batch_size = 500

    def __init__(self, log=None):
        self.summary = ImportSummary()
        self.log = log or (lambda line: None)
        vocabulary = Vocabulary.load()
        self.known, self.writer = Known(), PageWriter()
        self.news = NewsImporter(vocabulary, self.known, self.writer)
        self.publications = PublicationImporter(vocabulary, self.known, self.writer)

    def import_files(self, files, dry_run=False, after_each=None):
        """Import ``files`` in order; with ``dry_run``, undo it all at the end."""
        self.summary.dry_run = dry_run
        done = after_each or (lambda path: None)
        # A dry run imports for real, so that its counts are true, inside one
        # transaction that is then rolled back; each batch's own transaction
        # becomes a savepoint within it. Each batch that commits purges the
        # page caches once, whole, rather than every imported page's addresses.
        with (
            purging.bulk_changes(),
            transaction.atomic() if dry_run else contextlib.nullcontext(),
        ):
            batch, size = [], 0
            for path in files:
                entry = read_file(path)
                batch.append(entry)
                size += entry.size
                if size >= self.batch_size:
                    self.import_batch(batch, done)
                    batch, size = [], 0
            self.import_batch(batch, done)
            if dry_run:
                transaction.set_rollback(True)
        return self.summary

    def import_batch(self, batch, done):
        """Import parsed files in one transaction, then report them in order.

        A file that fails is marked refused and the batch imported again
        without it; if writing the batch's pages fails, its files are
        imported one at a time to find the culprit.
        """
        while True:
            current, results = None, {}
            try:
                with transaction.atomic():
                    self.known.prefetch(
                        [
                            (kind, item)
                            for entry in batch
                            for kind, item in entry.items()
                        ]
                    )
                    for current, entry in enumerate(batch):
                        if entry.parsed is not None:
                            results[current] = self._import_items(entry)
                    current = None
                    self.writer.flush()
                break
            # Whatever goes wrong, only the file at fault is lost.
            except Exception as error:
                self.writer.discard()
                self.known.clear()
                if current is None:
                    if len(batch) == 1:
                        current = 0
                    else:
                        for entry in batch:
                            self.import_batch([entry], done)
                        return
                batch[current].refuse(
                    f"import failed ({type(error).__name__}: {error}); "
                    "nothing from this file was saved"
                )
        for position, entry in enumerate(batch):
            if entry.parsed is None:
                self._skip_file(entry.path.name, entry.reason)
            else:
                self._report(entry.path.name, entry.parsed, results[position])
            done(entry.path)

    def _import_items(self, entry):
        name, parsed = entry.path.name, entry.parsed
        results = [self.news.import_item(item, name) for item in parsed.news]
        results += [
            self.publications.import_item(item, name) for item in parsed.publications
        ]
        return results

    def _report(self, name, parsed, results):
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
