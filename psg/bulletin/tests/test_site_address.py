"""Links that leave the site (canonical tags, emails, the edition's PDF) use
the configured site address, never the request's Host header
(docs/security.md, "Addresses and links")."""

import io

import pytest
from pypdf import PdfReader

from psg.bulletin.models import Edition
from psg.bulletin.tests.test_archive import sent_edition, update  # noqa: F401
from psg.core.tests.helpers import text_of
from psg.members.tests.join_helpers import form_data

pytestmark = pytest.mark.django_db

FORGED = "forged.example"


@pytest.fixture
def forged_host(settings):
    # A second name the site answers to: the Host header alone decides it.
    settings.ALLOWED_HOSTS = ["testserver", FORGED]
    return {"HTTP_HOST": FORGED}


@pytest.mark.parametrize(
    "url",
    [
        "/join/",
        "/bulletin/subscribe/",
        "/bulletin/",
        "/membership/sign-in/",
        "/membership/sign-in/not-a-real-token/",
    ],
)
def test_canonical_links_ignore_a_forged_host(client, site, forged_host, url):
    html = client.get(url, **forged_host).content.decode()
    assert '<link rel="canonical" href="http://testserver/' in html
    assert FORGED not in html


def test_the_join_email_ignores_a_forged_host(client, smtp_server, forged_host):
    response = client.post("/join/", form_data(), **forged_host)
    assert response.status_code == 302
    [received] = smtp_server.messages
    assert "http://testserver/join/confirm/" in text_of(received)
    assert FORGED not in text_of(received)


def test_the_edition_pdf_ignores_a_forged_host(client, sent_edition, forged_host):  # noqa: F811
    Edition.objects.filter(pk=sent_edition.pk).update(
        introduction='<p>See <a href="/about/">who we are</a>.</p>'
    )
    response = client.get("/bulletin/update/120.pdf", **forged_host)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert "http://testserver/about/" in links
    assert not [link for link in links if FORGED in link]
