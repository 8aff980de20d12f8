"""The text of publications' PDF files: read, stored, searched."""

import io
import logging

import pytest
from pypdf import PdfReader, PdfWriter

from django.core.files.base import ContentFile
from django.core.management import call_command

from psg.demo.pdf import render_pdf
from psg.demo.spec import DocumentText
from psg.publications import pdf_text
from psg.publications.models import PublicationFile, PublicationPage
from psg.publications.tests.factories import DocumentFactory, PublicationPageFactory
from psg.search import engine
from psg.search.query import parse_query

pytestmark = pytest.mark.django_db

# A word that is nowhere but inside the PDF.
NEEDLE = "Quillabamba"


def demo_pdf(*paragraphs, title="Water and mining in the southern Andes"):
    text = DocumentText(
        language="en",
        title=title,
        subtitle="A report by the Peru Support Group.",
        sections=(("Findings", paragraphs),),
    )
    return render_pdf(text, "March 2025")


def document(data, name="report.pdf"):
    return DocumentFactory(title=name, file=ContentFile(data, name=name))


def publish_with_files(publication_index, *documents):
    page = PublicationPageFactory(
        parent=publication_index, title="Water in the south", summary="A report."
    )
    page.files = [PublicationFile(document=doc, language="en") for doc in documents]
    page.save_revision().publish()
    return PublicationPage.objects.get(pk=page.pk)


def found(text):
    return [hit.page.title for hit in engine.search(parse_query(text)).hits]


def test_publishing_reads_the_pdf_and_the_search_finds_its_words(
    client, publication_index
):
    pdf = demo_pdf(
        f"The communities of {NEEDLE} asked for a water study.",
        "Síntesis: la consulta previa no se cumplió en Apurímac.",
    )
    page = publish_with_files(publication_index, document(pdf))

    assert NEEDLE in page.pdf_text
    assert "consulta previa" in page.pdf_text
    assert page.pdf_text_fingerprint
    assert found(NEEDLE.lower()) == ["Water in the south"]
    response = client.get("/search/", {"q": NEEDLE})
    assert "Water in the south" in response.content.decode()
    assert f"<mark>{NEEDLE}</mark>" in response.content.decode()
    # Accents both ways inside the PDF text too.
    assert found("sintesis") == ["Water in the south"]


def test_the_pdf_text_ranks_below_the_same_word_in_a_title(publication_index):
    publish_with_files(publication_index, document(demo_pdf(f"{NEEDLE} once.")))
    PublicationPageFactory(parent=publication_index, title=f"{NEEDLE} in the title")
    assert found(NEEDLE) == [f"{NEEDLE} in the title", "Water in the south"]


def test_a_broken_pdf_does_not_stop_the_save(publication_index, caplog):
    caplog.set_level(logging.WARNING, logger="psg.publications.pdf_text")
    broken = document(b"%PDF-1.4 this is not really a PDF", name="broken.pdf")
    good = document(demo_pdf(f"{NEEDLE} is in the good file."), name="good.pdf")

    page = publish_with_files(publication_index, broken, good)

    assert page.live
    assert NEEDLE in page.pdf_text
    assert "Could not read the text of document" in caplog.text


def test_an_encrypted_pdf_contributes_no_text(publication_index, caplog):
    writer = PdfWriter()
    for pdf_page in PdfReader(io.BytesIO(demo_pdf(f"{NEEDLE} secret."))).pages:
        writer.add_page(pdf_page)
    writer.encrypt(user_password="secret", owner_password="owner")  # noqa: S106
    locked = io.BytesIO()
    writer.write(locked)

    page = publish_with_files(publication_index, document(locked.getvalue()))

    assert page.live
    assert page.pdf_text == ""
    assert found(NEEDLE) == []
    assert "encrypted" in caplog.text


def test_files_that_are_not_pdfs_are_skipped(publication_index):
    page = publish_with_files(
        publication_index, document(b"plain words Quillabamba", name="notes.txt")
    )
    assert page.pdf_text == ""
    assert page.pdf_text_fingerprint == ""


def test_the_stored_text_is_capped(publication_index, monkeypatch):
    monkeypatch.setattr(pdf_text, "PDF_TEXT_LIMIT", 500)
    paragraphs = [f"Paragraph {number} about water and mining." for number in range(80)]
    page = publish_with_files(publication_index, document(demo_pdf(*paragraphs)))
    assert 400 < len(page.pdf_text) <= 500


def test_replacing_a_document_reads_it_again(publication_index):
    doc = document(demo_pdf("Nothing special."))
    page = publish_with_files(publication_index, doc)
    assert NEEDLE not in page.pdf_text

    doc.file = ContentFile(demo_pdf(f"Now {NEEDLE} is here."), name="report-v2.pdf")
    doc.file_hash = ""
    doc.save()

    page.refresh_from_db()
    assert NEEDLE in page.pdf_text
    assert found(NEEDLE) == ["Water in the south"]


def test_removing_the_file_removes_its_text(publication_index):
    page = publish_with_files(publication_index, document(demo_pdf(f"{NEEDLE}.")))
    page.files = []
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.pdf_text == ""
    assert found(NEEDLE) == []


def test_the_command_reads_every_publication_again(publication_index):
    page = publish_with_files(publication_index, document(demo_pdf(f"{NEEDLE}.")))
    PublicationPage.objects.filter(pk=page.pk).update(
        pdf_text="", pdf_text_fingerprint=""
    )
    out = io.StringIO()

    call_command("extract_publication_text", stdout=out)
    page.refresh_from_db()
    assert NEEDLE in page.pdf_text
    assert "Publications: 1 read, 0 unchanged." in out.getvalue()

    out = io.StringIO()
    call_command("extract_publication_text", stdout=out)
    assert "Publications: 0 read, 1 unchanged." in out.getvalue()
    call_command("extract_publication_text", "--force", str(page.pk), stdout=out)
    assert "Publications: 1 read, 0 unchanged." in out.getvalue()


def test_editors_cannot_type_the_pdf_text(publication_index):
    form_class = PublicationPage.get_edit_handler().get_form_class()
    assert "pdf_text" not in form_class.base_fields
    assert "pdf_text_fingerprint" not in form_class.base_fields
    assert "summary" in form_class.base_fields


@pytest.mark.parametrize(
    ("setting", "value"),
    [("PSG_PDF_TEXT_MEMORY_MB", 8), ("PSG_PDF_TEXT_SECONDS", 0.01)],
)
def test_a_pdf_over_the_reading_limits_is_skipped_and_the_page_saves(
    publication_index, settings, caplog, setting, value
):
    # A crafted PDF can take minutes or gigabytes to read; the reading runs in
    # a child process with limits, here forced low enough for any PDF.
    caplog.set_level(logging.WARNING, logger="psg.publications.pdf_text")
    setattr(settings, setting, value)

    page = publish_with_files(publication_index, document(demo_pdf(f"{NEEDLE}.")))

    assert page.live
    assert page.pdf_text == ""
    assert page.pdf_text_fingerprint  # marked as read: not tried again
    assert "over the limits for reading a PDF" in caplog.text


def test_within_the_limits_the_text_is_read_in_a_child_process(
    publication_index, settings
):
    settings.PSG_PDF_TEXT_MEMORY_MB = 512
    settings.PSG_PDF_TEXT_SECONDS = 60
    page = publish_with_files(publication_index, document(demo_pdf(f"{NEEDLE}.")))
    assert NEEDLE in page.pdf_text
