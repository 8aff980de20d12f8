"""The bulletin archive: /bulletin/, each edition's page and its PDF."""

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from psg.members.languages import Language, in_language

from . import archive, pdf


@require_safe
def archive_index(request):
    return render(request, "bulletin/archive.html", {"archive": archive.archive()})


def render_edition(request, view, preview=False):
    """The edition page; the admin's preview uses it for drafts too."""
    return render(
        request,
        "bulletin/edition.html",
        {
            "edition": view,
            "items": view.items(request),
            "pdf_available": not preview and pdf.pdf_available(),
            "preview": preview,
        },
    )


@require_safe
def edition_detail(request, series, number, language=Language.ENGLISH):
    view = archive.get_edition(series, number, language)
    if language == Language.ENGLISH:
        return render_edition(request, view)
    # The Spanish edition's page is in Spanish, <html lang> and all.
    with in_language(language):
        return render_edition(request, view)


@require_safe
def edition_pdf(request, series, number, language=Language.ENGLISH):
    view = archive.get_edition(series, number, language)
    try:
        with in_language(language):
            name = pdf.edition_pdf(view, request)
    except pdf.PDFUnavailable:
        return HttpResponse(
            _(
                "The PDF of this edition cannot be made at the moment. "
                "Its page has the same content."
            ),
            status=503,
            content_type="text/plain; charset=utf-8",
            headers={"Retry-After": "3600"},
        )
    suffix = "" if language == Language.ENGLISH else f"-{language}"
    filename = f"{view.series.slug}-{view.number}{suffix}.pdf"
    return FileResponse(
        default_storage.open(name, "rb"),
        content_type="application/pdf",
        filename=filename,
    )
