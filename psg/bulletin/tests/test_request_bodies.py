"""Public forms refuse large bodies before reading them; the admin takes
reports of tens of MiB (docs/security.md, "Request bodies")."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document

from psg.bulletin.models import Subscriber
from psg.bulletin.tests.test_subscribe import form_data as subscribe_data
from psg.core.tests.helpers import page_text
from psg.members.models import JoinApplication
from psg.members.tests.join_helpers import form_data as join_data

pytestmark = pytest.mark.django_db

SIX_MIB = 6 * 1024 * 1024


def big_file():
    return SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"x" * SIX_MIB)


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/join/", join_data),
        ("/bulletin/subscribe/", subscribe_data),
        ("/membership/sign-in/", lambda: {"email": "rosa@example.org"}),
    ],
)
def test_a_six_mib_upload_to_a_public_form_is_refused(
    client, smtp_server, site, url, data
):
    response = client.post(url, {**data(), "attachment": big_file()})

    assert response.status_code == 413
    assert "Too much data" in page_text(response)
    assert not JoinApplication.objects.exists()
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_an_ordinary_form_post_is_still_accepted(client, smtp_server, site):
    response = client.post("/membership/sign-in/", {"email": "rosa@example.org"})
    assert response.status_code == 302


def test_the_admin_still_takes_a_large_report(admin_client):
    upload = SimpleUploadedFile(
        "report.pdf", b"%PDF-1.4\n" + b"x" * SIX_MIB, "application/pdf"
    )
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Report", "file": upload, "collection": 1}
    )
    assert response.status_code == 302
    assert Document.objects.get().file.size > SIX_MIB
