"""An edition as a PDF, made with WeasyPrint and kept in media storage."""

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from psg.core.addresses import absolute

logger = logging.getLogger(__name__)

PDF_DIRECTORY = "bulletin"


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
    never stale; older files of the same edition are removed when a new one
    is made.
    """
    prefix, filename = view.cache_key
    name = f"{PDF_DIRECTORY}/{filename}"
    if default_storage.exists(name):
        return name
    content = render_pdf(view, request)
    saved = default_storage.save(name, ContentFile(content))
    _remove_older(prefix, keep=saved)
    return saved


def _remove_older(prefix, keep):
    try:
        _, files = default_storage.listdir(PDF_DIRECTORY)
    except (FileNotFoundError, NotImplementedError):
        return
    for filename in files:
        name = f"{PDF_DIRECTORY}/{filename}"
        if filename.startswith(f"{prefix}-") and name != keep:
            default_storage.delete(name)
