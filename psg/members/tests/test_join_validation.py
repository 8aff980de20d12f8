"""The join form's checks: a message beside each field and in the summary at
the top, nothing typed lost, and what it accepts (names and addresses from
anywhere)."""

import re

import pytest

from psg.core.tests.helpers import page_text
from psg.members.models import JoinApplication, MembershipType
from psg.members.tests.join_helpers import form_data, membership_type, submit

pytestmark = pytest.mark.django_db


def field_error(html, field):
    """The error message shown beside a field, or None."""
    match = re.search(
        rf'<p class="field__error" id="id_{field}_error">(.*?)</p>', html, re.S
    )
    if not match:
        return None
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def summary_links(html):
    """(href, text) of each link in the error summary."""
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    if not summary:
        return []
    return [
        (href, " ".join(text.split()))
        for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', summary.group(0))
    ]


def errors_for(client, **overrides):
    response = submit(client, **overrides)
    assert response.status_code == 200, "expected the form back with errors"
    return response.content.decode()


def test_an_empty_form_says_what_each_field_needs_beside_it_and_at_the_top(
    client, smtp_server
):
    response = client.post("/join/", {})

    assert response.status_code == 200
    html = response.content.decode()
    expected = {
        "membership_type": "Error: Choose a membership type",
        "name": "Error: Enter your full name",
        "email": "Error: Enter your email address",
        "address_line_1": "Error: Enter the first line of your address",
        "town": "Error: Enter your town or city",
        "country": "Error: Choose your country",
        "payment_method": "Error: Choose how you will pay",
    }
    for field, message in expected.items():
        assert field_error(html, field) == message
    assert summary_links(html) == [
        ("#id_membership_type_0", "Choose a membership type"),
        ("#id_name", "Enter your full name"),
        ("#id_email", "Enter your email address"),
        ("#id_address_line_1", "Enter the first line of your address"),
        ("#id_town", "Enter your town or city"),
        ("#id_country", "Choose your country"),
        ("#id_payment_method_0", "Choose how you will pay"),
    ]
    assert "<title>Error: Join the Peru Support Group" in html
    assert "There is a problem" in html
    assert not JoinApplication.objects.exists()
    assert smtp_server.messages == []


def test_fields_in_error_point_to_their_message(client):
    html = errors_for(client, name="", email="nope", membership_type="")

    name = re.search(r'<input type="text" name="name"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in name
    assert 'aria-describedby="id_name_helptext id_name_error"' in name
    email = re.search(r'<input type="email" name="email"[^>]*>', html).group(0)
    assert 'aria-describedby="id_email_helptext id_email_error"' in email
    assert (
        '<fieldset class="fieldset" aria-describedby="id_membership_type_error">'
        in (html)
    )


def test_nothing_typed_is_lost_when_the_form_comes_back(client):
    html = errors_for(
        client,
        name="Ñahui Quispe Mamani",
        email="not an email",
        address_line_1="Jirón Junín 123",
        address_line_2="Piso 2",
        town="Cusco",
        county="Cusco",
        postcode="08002",
        country="PE",
        payment_method="cheque",
        membership_type=membership_type("Concession").pk,
        gift_aid="on",
        events_consent="on",
    )

    assert 'value="Ñahui Quispe Mamani"' in html
    assert 'value="not an email"' in html
    assert 'value="Jirón Junín 123"' in html
    assert 'value="Piso 2"' in html
    assert 'value="Cusco"' in html
    assert 'value="08002"' in html
    assert re.search(r'<option value="PE" selected>Peru</option>', html)
    assert re.search(r'value="cheque" checked', html)
    concession = membership_type("Concession").pk
    assert re.search(rf'value="{concession}" checked', html)
    assert re.search(r'<input type="checkbox" name="gift_aid"[^>]*checked', html)
    assert re.search(r'<input type="checkbox" name="events_consent"[^>]*checked', html)
    assert not re.search(
        r'<input type="checkbox" name="bulletin_consent"[^>]*checked', html
    )
    assert field_error(html, "email") == (
        "Error: Enter an email address in the correct format, like name@example.com"
    )


@pytest.mark.parametrize(
    ("field", "length", "message"),
    [
        ("name", 200, "Full name must be 200 characters or fewer"),
        ("organisation", 200, "Organisation name must be 200 characters or fewer"),
        ("address_line_1", 200, "Address line 1 must be 200 characters or fewer"),
        ("address_line_2", 200, "Address line 2 must be 200 characters or fewer"),
        ("town", 100, "Town or city must be 100 characters or fewer"),
        ("county", 100, "County, state or region must be 100 characters or fewer"),
        ("postcode", 20, "Postcode must be 20 characters or fewer"),
    ],
)
def test_over_long_input_is_refused_with_a_clear_message(
    client, field, length, message
):
    html = errors_for(client, **{field: "x" * (length + 1)})

    assert field_error(html, field) == f"Error: {message}"
    assert f'maxlength="{length}"' in html


def test_an_over_long_email_address_is_refused(client):
    domain = ".".join(["b" * 63, "c" * 63, "d" * 63, "org"])
    html = errors_for(client, email="a" * 64 + "@" + domain)  # 260 characters

    assert field_error(html, "email") == (
        "Error: Email address must be 254 characters or fewer"
    )


@pytest.mark.parametrize(
    "name", ["Quispe Mamani", "Ñahui", "Mary O'Brien", "José María Arguedas-Núñez"]
)
def test_names_from_anywhere_are_accepted(client, name):
    response = submit(client, name=name)

    assert response.status_code == 302
    assert JoinApplication.objects.get().data["name"] == name


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("rosa+psg@example.org", "rosa+psg@example.org"),
        ("Rosa.Quispe@Example.ORG", "Rosa.Quispe@example.org"),
        ("jose@perú.example", "jose@xn--per-boa.example"),
        ("josé@perú.example", "josé@xn--per-boa.example"),
        ("  rosa@example.org ", "rosa@example.org"),
    ],
)
def test_plus_signs_and_internationalised_addresses_are_accepted(client, typed, stored):
    response = submit(client, email=typed)

    assert response.status_code == 302
    assert JoinApplication.objects.get().email == stored


@pytest.mark.parametrize(
    "typed",
    [
        "rosa",
        "rosa@",
        "@example.org",
        "rosa@@example.org",
        "ro sa@example.org",
        "rosa@example",
        "jos\u00a0e@example.org",
    ],
)
def test_malformed_addresses_are_refused(client, typed):
    html = errors_for(client, email=typed)

    assert field_error(html, "email") == (
        "Error: Enter an email address in the correct format, like name@example.com"
    )


def test_a_uk_address_needs_a_real_postcode(client):
    assert field_error(errors_for(client, postcode=""), "postcode") == (
        "Error: Enter your postcode"
    )
    assert field_error(errors_for(client, postcode="LONDON"), "postcode") == (
        "Error: Enter a real UK postcode, like SW1A 1AA"
    )


def test_a_uk_postcode_is_tidied(client):
    submit(client, postcode="  sw1a1aa ")

    assert JoinApplication.objects.get().data["postcode"] == "SW1A 1AA"


def test_an_address_abroad_may_have_no_postcode(client):
    response = submit(client, country="PE", postcode="", town="Ayacucho")

    assert response.status_code == 302
    data = JoinApplication.objects.get().data
    assert data["country"] == "PE"
    assert data["postcode"] == ""


def test_an_unknown_country_is_refused(client):
    html = errors_for(client, country="XX")

    assert field_error(html, "country") == "Error: Choose your country from the list"


def test_organisation_membership_needs_the_organisation_name(client):
    html = errors_for(
        client, membership_type=membership_type("Organisation").pk, organisation=""
    )

    assert field_error(html, "organisation") == (
        "Error: Enter the name of your organisation"
    )
    assert ("#id_organisation", "Enter the name of your organisation") in (
        summary_links(html)
    )


def test_an_inactive_type_is_refused_if_posted(client):
    retired = MembershipType.objects.create(
        name="Life", annual_fee=500, is_active=False
    )

    html = errors_for(client, membership_type=retired.pk)

    assert field_error(html, "membership_type") == (
        "Error: Choose one of the membership types shown"
    )
    assert not JoinApplication.objects.exists()


@pytest.mark.parametrize("method", ["cash", "other", "bitcoin"])
def test_only_the_offered_ways_to_pay_are_accepted(client, method):
    html = errors_for(client, payment_method=method)

    assert field_error(html, "payment_method") == (
        "Error: Choose one of the ways to pay shown"
    )


def test_a_null_character_is_refused_not_a_server_error(client):
    response = submit(client, name="Rosa\x00Quispe")

    assert response.status_code == 200
    assert "Null characters are not allowed" in page_text(response)


def test_the_form_comes_back_as_sent_when_nothing_else_is_wrong(client):
    data = form_data(email="")

    response = client.post("/join/", data)

    assert f'value="{data["started"]}"' in response.content.decode()
