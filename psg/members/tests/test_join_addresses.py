"""Crafted addresses on the join form: a domain no mail library can encode
gets a message beside the field (never a 500), and one person's address is
one address however it is typed."""

import re

import pytest

from psg.members.models import JoinApplication
from psg.members.tests.join_helpers import form_data, submit

pytestmark = pytest.mark.django_db

# The message beside the field (its apostrophe is escaped in the page).
DOMAIN_ERROR = "domain cannot be used for email. Check the part after the @."
UNENCODABLE = [
    "rosa@ex\ue000ample.org",  # a private-use character
    "rosa@" + "a" * 60 + "é.org",  # a label of 67 octets once encoded
    "rosa@exa_mple.org",
]


def field_error(html, field):
    match = re.search(
        rf'<p class="field__error" id="id_{field}_error">(.*?)</p>', html, re.S
    )
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()) if match else ""


@pytest.mark.parametrize("address", UNENCODABLE)
def test_a_domain_that_cannot_be_encoded_is_refused_beside_the_field(
    client, smtp_server, address
):
    response = submit(client, email=address, name="Rosa Quispe")

    assert response.status_code == 200
    html = response.content.decode()
    assert DOMAIN_ERROR in field_error(html, "email")
    # Nothing typed is lost: the address as typed, the rest of the form too.
    assert 'value="Rosa Quispe"' in html
    assert "12 Calle Lima" in html
    assert JoinApplication.objects.count() == 0
    assert smtp_server.messages == []


def test_an_address_is_stored_with_its_domain_encoded_and_invisibles_removed(
    client, smtp_server
):
    response = submit(client, email=" Rosa@B\u00dccher.EXAMPLE\u200b ")

    assert response.status_code == 302
    application = JoinApplication.objects.get()
    assert application.email == "Rosa@xn--bcher-kva.example"
    assert application.data["email"] == "Rosa@xn--bcher-kva.example"
    [received] = smtp_server.messages
    assert received["to"] == ["Rosa@xn--bcher-kva.example"]


def test_the_same_address_typed_with_an_invisible_character_is_rate_limited(
    client, smtp_server, settings
):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "join-email": "1/h"}
    first = submit(client, email="rosa@example.org", ip="10.0.0.1")
    second = submit(client, email="rosa@ex\u200bample.org", ip="10.0.0.2")

    assert first.status_code == 302
    assert second.status_code == 429


def test_the_form_data_kept_is_the_normalised_address(client, smtp_server):
    submit(client, email="rosa@EXAMPLE.org\u2060")

    assert JoinApplication.objects.get().data["email"] == "rosa@example.org"
    assert form_data()["email"] == "rosa+psg@example.org"
