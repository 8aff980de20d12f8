"""Email addresses one way everywhere (psg.core.email_addresses): an address
with letters beyond ASCII, or typed with an invisible character, is the same
person's address on sign-in, in the member's own details, at the desk and in
the CSV import; nobody is locked out and nobody is counted twice."""

import pytest

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from psg.members.models import Member
from psg.members.tests.csv_helpers import make_csv, new_row, upload
from psg.members.tests.factories import MemberFactory, secretary_user
from psg.members.tests.test_account import SIGN_IN, link_in, sign_in
from psg.members.tests.test_account_pages import EDIT, details
from psg.members.tests.test_desk import member_form_data

pytestmark = pytest.mark.django_db

# The message beside the field (its apostrophe is escaped in the page).
DOMAIN_ERROR = "domain cannot be used for email. Check the part after the @."


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def desk(client):
    client.force_login(secretary_user())
    return client


# Sign-in ------------------------------------------------------------------------


def test_a_member_with_letters_beyond_ascii_before_the_at_can_sign_in(
    client, smtp_server, site
):
    MemberFactory(email="josé@bücher.example", status=Member.Status.ACTIVE)

    response = client.post(SIGN_IN, {"email": "José@Bücher.example"})

    assert response["Location"] == reverse("membership-sign-in-sent")
    [received] = smtp_server.messages
    assert received["to"] == ["josé@xn--bcher-kva.example"]
    assert link_in(received["message"])


def test_an_invisible_character_finds_the_same_member_and_counts_the_same(
    client, smtp_server, site, settings
):
    MemberFactory(email="ana@example.org", status=Member.Status.ACTIVE)
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "signin-email": "1/h"}

    first = client.post(SIGN_IN, {"email": "ana@exa\u200bmple.org"}, REMOTE_ADDR="1")
    second = client.post(SIGN_IN, {"email": "ana@example.org\ufeff"}, REMOTE_ADDR="2")

    assert first.status_code == 302
    assert [m["to"] for m in smtp_server.messages] == [["ana@example.org"]]
    assert second.status_code == 429


def test_sign_in_refuses_an_unencodable_domain_beside_the_field(client, site):
    response = client.post(SIGN_IN, {"email": "ana@ex\ue000ample.org"})

    assert response.status_code == 200
    html = response.content.decode()
    assert DOMAIN_ERROR in html
    assert 'id="id_email_error"' in html


# The member's own details ------------------------------------------------------


def test_a_member_may_change_to_an_international_address(client, site):
    member = MemberFactory(email="nahui@example.org")
    sign_in(client, member)

    response = client.post(EDIT, details(email="ñahui@perú.example"))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "ñahui@xn--per-boa.example"


def test_the_details_form_refuses_an_unencodable_domain_and_keeps_the_rest(
    client, site
):
    member = MemberFactory(email="nahui@example.org")
    sign_in(client, member)

    response = client.post(
        EDIT, details(email="nahui@ex\ue000ample.org", telephone="+51 1 234")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert DOMAIN_ERROR in html
    assert 'value="+51 1 234"' in html
    member.refresh_from_db()
    assert member.email == "nahui@example.org"


def test_the_same_address_with_an_invisible_character_is_taken(client, site):
    MemberFactory(email="rosa@example.org")
    member = MemberFactory(email="nahui@example.org")
    sign_in(client, member)

    response = client.post(EDIT, details(email="rosa@exam\u00adple.org"))

    assert response.status_code == 200
    assert "Another membership uses this email address" in response.content.decode()


# The desk ------------------------------------------------------------------------


def test_the_desk_saves_an_international_address(desk):
    member = MemberFactory(email="old@example.org")

    response = desk.post(
        reverse("desk_members:edit", args=[member.pk]),
        member_form_data(member, email="josé@bücher.example"),
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "josé@xn--bcher-kva.example"


def test_the_desk_refuses_an_unencodable_domain_beside_the_field(desk):
    member = MemberFactory(email="old@example.org")

    response = desk.post(
        reverse("desk_members:edit", args=[member.pk]),
        member_form_data(member, email="new@ex\ue000ample.org"),
    )

    assert response.status_code == 200
    assert DOMAIN_ERROR in response.content.decode()
    member.refresh_from_db()
    assert member.email == "old@example.org"


# The CSV import ---------------------------------------------------------------


def test_the_import_takes_international_addresses_and_matches_them_again(desk):
    content = make_csv(new_row(email="josé@bücher.example", name="José"))
    first = upload(desk, content).context["result"]
    again = upload(desk, content).context["result"]
    invisible = make_csv(new_row(email="josé@bü\u200bcher.example", name="José"))
    third = upload(desk, invisible).context["result"]

    assert (first.created, first.errors) == (1, [])
    assert (again.created, again.unchanged) == (0, 1)
    assert (third.created, third.errors) == (0, [])
    assert Member.objects.get().email == "josé@xn--bcher-kva.example"


def test_the_import_refuses_an_unencodable_domain_for_its_row(desk):
    content = make_csv(new_row(email="ana@ex\ue000ample.org"))

    result = upload(desk, content).context["result"]

    assert [(e.row, e.column) for e in result.errors] == [(2, "email")]
    assert DOMAIN_ERROR in result.errors[0].message
    assert not Member.objects.exists()


# Saving by any other path ----------------------------------------------------


def test_no_path_stores_an_unencodable_domain(site):
    with pytest.raises(ValidationError), transaction.atomic():
        MemberFactory(email="ana@ex\ue000ample.org")
    assert not Member.objects.exists()
