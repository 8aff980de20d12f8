"""The text of a publication's PDF files, read with pypdf, for the site search.

A publication's files change when it is saved or published and when one of
its documents is replaced; each time ``update_publication_text`` (run by the
task worker, see tasks.py) reads the PDFs again, unless the files are the same
ones it read last time. Each PDF is read in a child process with memory and
time limits (``read_limited``). A broken, encrypted or unreadable PDF, or one
over the limits, is logged and contributes no text; it never stops a save.
"""

import hashlib
import logging
import os
import resource
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.search.index import insert_or_update_object

from .models import PublicationPage
from .pdf_reading import PDF_TEXT_LIMIT, cut

# The folder holding the psg package, for the child process's imports.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class ReadingLimitExceeded(Exception):
    """The PDF took more memory or time to read than the limits allow."""


class UnreadablePDF(Exception):
    """pypdf could not read the PDF (broken, or encrypted)."""


def _limit_child():
    """In the child, before it runs: cap its memory and CPU time."""
    memory = int(settings.PSG_PDF_TEXT_MEMORY_MB * 1024 * 1024)
    seconds = max(1, int(settings.PSG_PDF_TEXT_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def read_limited(data, limit=PDF_TEXT_LIMIT):
    """The text of the PDF ``data`` (bytes), read in a child process with at
    most PSG_PDF_TEXT_MEMORY_MB of memory and PSG_PDF_TEXT_SECONDS of time.

    A crafted PDF can make a reader loop or allocate without end; the limits
    keep that from stalling or exhausting the worker. Raises
    ReadingLimitExceeded or UnreadablePDF. See docs/security.md.
    """
    try:
        result = subprocess.run(  # noqa: S603 (our own module, no shell)
            [sys.executable, "-m", "psg.publications.pdf_reading", str(limit)],
            input=data,
            capture_output=True,
            timeout=settings.PSG_PDF_TEXT_SECONDS,
            preexec_fn=_limit_child,  # noqa: PLW1509 (the worker runs no threads here)
            env={**os.environ, "PYTHONPATH": str(PACKAGE_ROOT)},
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadingLimitExceeded("time") from None
    if result.returncode == 1 and result.stderr:
        raise UnreadablePDF(result.stderr.decode(errors="replace").strip())
    if result.returncode != 0:
        # Killed by the CPU limit, or out of memory (MemoryError, or failing
        # to start at all).
        raise ReadingLimitExceeded(f"exit status {result.returncode}")
    return result.stdout.decode("utf-8")


logger = logging.getLogger(__name__)


def is_pdf(document):
    return document.file_extension.lower() == "pdf"


def fingerprint(files):
    """Names the PDF files exactly: same fingerprint, same text."""
    parts = [
        f"{item.document_id}:{item.document.file_hash}:{item.document.file.name}"
        for item in files
        if is_pdf(item.document)
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest() if parts else ""


def document_text(document, limit=PDF_TEXT_LIMIT):
    """The text of one document, or "" when it is no PDF or cannot be read."""
    if not is_pdf(document):
        return ""
    try:
        with document.open_file() as file:
            data = file.read()
        return read_limited(data, limit)
    except ReadingLimitExceeded as error:
        logger.warning(
            "Document %s (%s) is over the limits for reading a PDF (%s): skipped",
            document.pk,
            document.file.name,
            error,
        )
    except Exception:  # a missing file, or pypdf's many kinds of error
        logger.warning(
            "Could not read the text of document %s (%s)",
            document.pk,
            document.file.name,
            exc_info=True,
        )
    return ""


def publication_text(files):
    """The text of a publication's PDFs, in the files' order, capped."""
    texts = []
    remaining = PDF_TEXT_LIMIT
    for item in files:
        if remaining <= 0:
            break
        text = document_text(item.document, remaining)
        if text:
            texts.append(text)
            remaining -= len(text) + 2
    return cut("\n\n".join(texts), PDF_TEXT_LIMIT)


def update_publication_text(page_id, force=False):
    """Read the PDFs of publication ``page_id`` again and re-index it.

    Returns "updated", "unchanged" (the same files as last time; skipped
    unless ``force``) or "missing". Safe to run twice.
    """
    page = PublicationPage.objects.filter(pk=page_id).first()
    if page is None:
        return "missing"
    files = list(page.files.select_related("document").order_by("sort_order"))
    mark = fingerprint(files)
    if mark == page.pdf_text_fingerprint and not force:
        return "unchanged"
    text = publication_text(files)
    with transaction.atomic():
        PublicationPage.objects.filter(pk=page_id).update(
            pdf_text=text, pdf_text_fingerprint=mark
        )
    page.pdf_text, page.pdf_text_fingerprint = text, mark
    insert_or_update_object(page)
    return "updated"
