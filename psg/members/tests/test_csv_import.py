"""Members from CSV in the admin: matching, consents, and every error a
file can have."""

import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from psg.members.desk import csv_import, csv_rows
from psg.members.desk.csv_columns import REQUIRED_COLUMNS
from psg.members.models import Consent, GiftAidDeclaration, Member

from .csv_helpers import IMPORT, LIST, make_csv, new_row, upload, when
from .factories import MemberFactory, secretary_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client):
    client.force_login(secretary_user())
    return client


# Import: matching, consents ----------------------------------------------------


def test_rows_match_members_by_email_whatever_the_case(desk):
    member = MemberFactory(name="Old Name", email="ana@example.org")
    content = make_csv(
        new_row(email="ANA@Example.ORG", name="Ana Flores", joined=""),
        new_row(email="beto@example.org", name="Beto Paz", payment_reference=""),
    )
    result = upload(desk, content).context["result"]
    assert (result.created, result.updated) == (1, 1)
    member.refresh_from_db()
    assert member.name == "Ana Flores"
    assert member.email == "ANA@example.org"  # as the file has it
    assert member.joined == member.created_at.date()  # kept: the cell was empty
    beto = Member.objects.get(email="beto@example.org")
    assert beto.payment_reference.startswith("PSG-")
    assert beto.status == Member.Status.ACTIVE


def test_imported_consent_changes_are_recorded_as_from_an_import(desk):
    member = MemberFactory(email="ana@example.org", bulletin_consent=True)
    content = make_csv(
        new_row(email="ana@example.org", bulletin_consent="no", events_consent="yes")
    )
    upload(desk, content)
    member.refresh_from_db()
    assert (member.bulletin_consent, member.events_consent) == (False, True)
    consents = {c.kind: c for c in member.consents.all()}
    assert consents["bulletin"].given is False
    assert consents["events"].given is True
    for consent in consents.values():
        assert consent.source == Consent.Source.IMPORT
        assert consent.wording_version == "2026-1"  # the current wording
    assert consents["events"].wording == "Send me news of PSG events by email."


def test_a_gift_aid_declaration_in_the_file_is_added_once(desk):
    member = MemberFactory(email="ana@example.org")
    content = make_csv(
        new_row(
            email="ana@example.org",
            gift_aid_declared_at="2026-01-10 09:00:00+00:00",
            gift_aid_wording_version="2026-1",
        )
    )
    upload(desk, content)
    upload(desk, content)
    declaration = GiftAidDeclaration.objects.get(member=member)
    assert declaration.declared_at == when(2026, 1, 10, 9, 0)
    assert declaration.wording.startswith("I want to Gift Aid")


# Import: errors ----------------------------------------------------------------


BAD_ROWS = [
    new_row(email="good@example.org", name="Good Row"),
    new_row(email="not-an-email", name="Bad Email"),
    new_row(
        email="bad2@example.org",
        membership_type="Platinum",
        joined="31/31/2026",
        bulletin_consent="perhaps",
    ),
    new_row(email="GOOD@example.org", name="Repeated"),
]


def test_a_file_with_errors_imports_nothing_and_lists_every_error(desk):
    response = upload(desk, make_csv(*BAD_ROWS))
    result = response.context["result"]
    assert not result.imported
    assert not Member.objects.exists()
    errors = {(e.row, e.column) for e in result.errors}
    assert errors == {
        (3, "email"),
        (4, "membership_type"),
        (4, "joined"),
        (4, "bulletin_consent"),
        (5, "email"),
    }
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert messages[(4, "membership_type")] == (
        "There is no membership type called “Platinum”."
    )
    assert messages[(5, "email")] == "Row 2 has this email address too."
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "<td>4</td>" in html
    assert "<td>membership_type</td>" in html
    assert "Enter yes or no." in html


def test_skipping_rows_with_errors_imports_the_good_ones(desk):
    response = upload(desk, make_csv(*BAD_ROWS), skip_errors=True)
    result = response.context["result"]
    assert result.imported
    assert result.skipped_rows == [3, 4, 5]
    assert list(Member.objects.values_list("name", flat=True)) == ["Good Row"]
    html = response.content.decode()
    assert "1 new, 0 updated, 0 unchanged, 3 rows skipped" in html
    assert "Rows skipped because of errors: 3, 4, 5" in html


def test_a_row_clashing_with_another_members_reference_is_an_error(desk):
    MemberFactory(email="ana@example.org", payment_reference="PSG-AAAAAA")
    result = upload(desk, make_csv(new_row(payment_reference="PSG-AAAAAA"))).context[
        "result"
    ]
    assert [(e.row, e.column) for e in result.errors] == [(2, "payment_reference")]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("members.csv", b"", "The file is empty."),
        ("members.csv", b"\xef\xbb\xbf", "The file is empty."),
        ("members.csv", b"\xef\xbb\xbf\r\n\r\n", "The file is empty."),
        ("members.xlsx", make_csv(new_row()), "Choose a CSV file"),
        ("members.csv", b"PK\x03\x04\x00\x00binary", "This is not a CSV file."),
        (
            "members.csv",
            make_csv(new_row(name="Ñahui")).decode().encode("latin-1"),
            "The file is not in UTF-8.",
        ),
        (
            "members.csv",
            b"name,email,favourite_colour\nAna,ana@example.org,red\n",
            "Columns missing: organisation, telephone",
        ),
        (
            "members.csv",
            make_csv(columns=[*REQUIRED_COLUMNS, "shoe_size"]),
            "unknown: shoe_size",
        ),
        ("members.csv", make_csv(), "only the header"),
    ],
)
def test_unusable_files_get_a_clear_message(desk, name, content, message):
    response = upload(desk, content, name=name)
    result = response.context["result"]
    assert message in result.file_error
    assert message in response.content.decode()
    assert not Member.objects.exists()


def test_files_over_the_size_limit_are_refused(desk, monkeypatch):
    monkeypatch.setattr(csv_rows, "MAX_FILE_SIZE", 1000)
    content = make_csv(*[new_row(email=f"m{n}@example.org") for n in range(20)])
    result = upload(desk, content).context["result"]
    assert "too large" in result.file_error
    assert not Member.objects.exists()


def test_a_row_with_too_many_cells_is_an_error(desk):
    content = (
        make_csv(new_row())
        + b"a,b\n"
        + make_csv(new_row()).splitlines()[1]
        + b",extra\n"
    )
    result = upload(desk, content).context["result"]
    assert result.errors[-1].row == 4
    assert "cells" in result.errors[-1].message


def test_the_import_is_one_transaction(desk, monkeypatch):
    """A failure part-way leaves the register as it was."""
    original = csv_import.apply_plan
    calls = []

    def fail_on_second(plan, *args):
        calls.append(plan)
        if len(calls) == 2:
            raise IntegrityError("simulated")
        return original(plan, *args)

    monkeypatch.setattr(csv_import, "apply_plan", fail_on_second)
    content = make_csv(new_row(email="a@example.org"), new_row(email="b@example.org"))
    result = upload(desk, content).context["result"]
    assert "Nothing was imported" in result.file_error
    assert not Member.objects.exists()


def test_importing_needs_the_import_permission(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x")
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_member"),
        Permission.objects.get(codename="add_member"),
    )
    client.force_login(clerk)
    response = client.post(IMPORT, {"file": SimpleUploadedFile("m.csv", b"x")})
    assert response["Location"] == "/admin/"
    assert b"Import from CSV" not in client.get(LIST).content
