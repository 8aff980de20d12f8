"""The one normalisation and check of email addresses
(psg.core.email_addresses): pure functions first, then the reply-to
addresses every bulletin and membership email is built with."""

import pytest

from django.core.exceptions import ValidationError
from django.db import transaction

from psg.core.email_addresses import (
    email_key,
    normalise_email,
    validate_email_address,
)
from psg.core.models import OrganisationSettings


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (" Ana@Example.ORG ", "Ana@example.org"),
        ("ana@exa\u200bmple.org", "ana@example.org"),  # zero-width space
        ("a\u200cna@example.org", "ana@example.org"),  # zero-width non-joiner
        ("ana@example.org\u2060", "ana@example.org"),  # word joiner
        ("\ufeffana@example.org", "ana@example.org"),  # byte order mark
        ("ana@exam\u00adple.org", "ana@example.org"),  # soft hyphen
        ("josé@bücher.de", "josé@xn--bcher-kva.de"),
        ("jose\u0301@BÜCHER.de", "josé@xn--bcher-kva.de"),  # composed (NFC)
        ("ana@xn--bcher-kva.de", "ana@xn--bcher-kva.de"),
        ("ana@[192.0.2.1]", "ana@[192.0.2.1]"),
        ("not an address", "not an address"),
        ("ana@ex\ue000ample.org", "ana@ex\ue000ample.org"),  # left to the check
    ],
)
def test_normalise(typed, stored):
    assert normalise_email(typed) == stored


def test_one_key_however_it_is_typed():
    assert (
        email_key("Ana@EXA\u200bMPLE.org")
        == email_key("ana@example.org")
        == "ana@example.org"
    )


@pytest.mark.parametrize(
    "address",
    [
        "ana@ex\ue000ample.org",
        "ana@" + "a" * 64 + ".org",
        "ana@" + "a" * 60 + "é.org",
        "ana@exa_mple.org",
        "ana@-example.org",
        "a" * 65 + "@example.org",
        "ana@",
        "@example.org",
        "ana@example..org",
    ],
)
def test_refused(address):
    with pytest.raises(ValidationError):
        validate_email_address(address)


@pytest.mark.parametrize(
    "address",
    ["ana@example.org", "josé@bücher.de", "ana@xn--bcher-kva.de", "Ñu+x@perú.pe"],
)
def test_accepted(address):
    validate_email_address(address)


def test_the_domain_error_says_what_is_wrong():
    with pytest.raises(ValidationError) as refused:
        validate_email_address("ana@ex\ue000ample.org")

    assert refused.value.code == "domain"
    assert "domain cannot be used for email" in refused.value.messages[0]


@pytest.mark.django_db
def test_a_reply_to_address_that_cannot_be_encoded_is_never_saved(site):
    organisation = OrganisationSettings.for_site(site)
    organisation.email = "office@ex\ue000ample.org"

    with pytest.raises(ValidationError):
        organisation.full_clean()
    with pytest.raises(ValidationError), transaction.atomic():
        organisation.save()
    organisation.email = "Office@Perú.example"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.email == "Office@xn--per-boa.example"
