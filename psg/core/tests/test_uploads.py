"""Uploads are limited by type and size, with a message saying why."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


def test_a_document_of_an_unlisted_type_is_refused(admin_client):
    upload = SimpleUploadedFile(
        "payload.exe", b"MZ\x90\x00", "application/octet-stream"
    )
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Payload", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "“exe” is not allowed" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()


def test_a_pdf_document_is_accepted(admin_client):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Report", "file": upload, "collection": 1}
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Report"


def test_an_oversized_image_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    image = get_test_image_file()
    upload = SimpleUploadedFile("big.png", image.file.getvalue(), "image/png")
    response = admin_client.post(
        "/admin/images/add/", {"title": "Big", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "too big" in response.context["form"].errors["file"][0]
    assert not Image.objects.exists()


def test_an_svg_image_is_refused(admin_client):
    upload = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
    )
    response = admin_client.post(
        "/admin/images/add/", {"title": "Logo", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert not Image.objects.exists()
