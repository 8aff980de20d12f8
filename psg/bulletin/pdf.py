"""An edition as a PDF, made with WeasyPrint and kept in media storage."""

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from psg.core.addresses import absolute

logger = logging.getLogger(__name__)

PDF_DIRECTORY = "bulletin"
# A PDF being written; never an edition's file name (those begin "edition-"
# or "legacy-").
TEMPORARY_PREFIX = ".making-"


class PDFUnavailable(Exception):
    """WeasyPrint, or the system libraries it needs, cannot be loaded here."""


def load_renderer():
    """WeasyPrint's ``HTML`` class, or ``PDFUnavailable``.

    WeasyPrint needs Pango from the operating system; without it the import
    fails with ``OSError``, which must not turn into a server error.
    """
    try:
        # Imported here: a missing system library must not stop the site loading.
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PDFUnavailable(str(error)) from error
    return HTML


def pdf_available():
    try:
        load_renderer()
    except PDFUnavailable:
        return False
    return True


def render_pdf(view, request):
    """The PDF of an edition (an ``archive.EditionView``) as bytes."""
    html_class = load_renderer()
    html = render_to_string(
        "bulletin/edition_pdf.html",
        {"edition": view, "items": view.items(request, full_urls=True)},
        request=request,
    )
    # Relative links resolve against the configured site address, never the
    # request's Host header (docs/security.md, "Addresses and links").
    return html_class(string=html, base_url=absolute(None, "/")).write_pdf()


def edition_pdf(view, request):
    """The stored PDF's name, made first if the edition changed since.

    Named by the edition and a digest of its content, so a stored file is
    never stale and two requests making it at once make the same bytes: each
    writes under a temporary name and renames it into place, so neither ever
    sees or deletes a half-written or alien file. Older files of the same
    edition (another digest) are removed once a new one is in place.
    """
    prefix, filename = view.cache_key
    name = f"{PDF_DIRECTORY}/{filename}"
    if default_storage.exists(name):
        return name
    content = render_pdf(view, request)
    try:
        path = default_storage.path(name)
    except NotImplementedError:  # a remote storage (S3): no rename
        saved = default_storage.save(name, ContentFile(content))
        if saved != name:
            # Another request stored the same bytes first: ours is a copy.
            default_storage.delete(saved)
    else:
        _write_in_place(Path(path), content)
    _remove_older(prefix, keep=name)
    return name


def _write_in_place(path, content):
    """Write ``content`` to ``path`` atomically: a temporary file beside it,
    renamed over it (a rename within a folder is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=TEMPORARY_PREFIX, suffix=".pdf"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        if settings.FILE_UPLOAD_PERMISSIONS is not None:
            os.chmod(temporary, settings.FILE_UPLOAD_PERMISSIONS)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _remove_older(prefix, keep):
    """Remove this edition's PDFs of other digests; never ``keep``, and never
    another request's temporary file."""
    try:
        _, files = default_storage.listdir(PDF_DIRECTORY)
    except (FileNotFoundError, NotImplementedError):
        return
    for filename in files:
        name = f"{PDF_DIRECTORY}/{filename}"
        if filename.startswith(f"{prefix}-") and name != keep:
            with contextlib.suppress(FileNotFoundError):
                default_storage.delete(name)
