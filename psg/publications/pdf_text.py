"""The text of a publication's PDF files, read with pypdf, for the site search.

A publication's files change when it is saved or published and when one of
its documents is replaced; each time ``update_publication_text`` (run by the
task worker, see tasks.py) reads the PDFs again, unless the files are the same
ones it read last time. A broken, encrypted or unreadable PDF is logged and
contributes no text; it never stops a save.
"""

import hashlib
import logging
import re

from pypdf import PdfReader

from django.db import transaction

from wagtail.search.index import insert_or_update_object

from .models import PublicationPage

logger = logging.getLogger(__name__)

# At most this much text per publication (a long report is ~300,000 characters;
# its first 200,000 carry what a reader would search for).
PDF_TEXT_LIMIT = 200_000
# PDFs longer than this are read up to here.
MAX_PAGES = 400
_SPACE = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def clean_text(text):
    """Plain text a database can store: no NULs, runs of spaces collapsed."""
    text = text.replace("\x00", " ")
    text = "".join(c if c.isprintable() or c == "\n" else " " for c in text)
    text = _SPACE.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def read_pdf(file, limit=PDF_TEXT_LIMIT):
    """The text of one PDF file object, at most ``limit`` characters.

    Raises whatever pypdf raises for a file it cannot read, and ValueError for
    an encrypted file it cannot open without a password.
    """
    reader = PdfReader(file)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted")
    parts = []
    length = 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or length >= limit:
            break
        text = clean_text(page.extract_text() or "")
        if text:
            parts.append(text)
            length += len(text) + 2
    return cut("\n\n".join(parts), limit)


def cut(text, limit):
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(None, 1)[0]


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
            return read_pdf(file, limit)
    except Exception:  # pypdf raises many kinds of error for broken files
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
