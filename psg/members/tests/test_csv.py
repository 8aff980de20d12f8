"""Members to CSV and back, from the members list in the admin."""

import csv
import datetime
import io

import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from psg.members.desk import csv_io
from psg.members.models import Consent, GiftAidDeclaration, Member, PaymentMethod

from .factories import (
    GiftAidDeclarationFactory,
    MemberFactory,
    membership_type,
    secretary_user,
)

pytestmark = pytest.mark.django_db

LIST = reverse("desk_members:index")
IMPORT = reverse("desk_members:import")


@pytest.fixture
def desk(client):
    client.force_login(secretary_user())
    return client


def export(client, **filters):
    response = client.get(LIST, {**filters, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith('attachment; filename="members-')
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # for spreadsheet programs
    return content


def rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def upload(client, content, name="members.csv", skip_errors=False):
    data = {"file": SimpleUploadedFile(name, content, "text/csv")}
    if skip_errors:
        data["skip_errors"] = "on"
    response = client.post(IMPORT, data)
    assert response.status_code == 200
    return response


def when(*args):
    return timezone.make_aware(datetime.datetime(*args))


def make_csv(*records, columns=csv_io.COLUMNS):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow({column: record.get(column, "") for column in columns})
    return out.getvalue().encode()


def new_row(**values):
    return {
        "name": "Nuevo Socio",
        "email": "nuevo@example.org",
        "country": "GB",
        "membership_type": "Individual",
        "payment_method": "standing-order",
        "status": "active",
        "joined": "2026-01-05",
        "current_period_end": "2027-01-04",
        "bulletin_consent": "no",
        "events_consent": "no",
        **values,
    }


@pytest.fixture
def varied_members():
    """Members covering every field, awkward text included."""
    nahui = MemberFactory(
        name="Ñahui Quispe Mamani",
        organisation="",
        email="Nahui.Quispe@Example.org",
        telephone="+51 84 123456",
        address_line_1='Jr. Ayacucho 123, "El Sol"',
        address_line_2="Dpto 4",
        town="Cusco",
        county="Cusco",
        postcode="08002",
        country="PE",
        status=Member.Status.ACTIVE,
        joined=datetime.date(2019, 4, 2),
        current_period_end=datetime.date(2026, 12, 31),
        payment_method=PaymentMethod.BANK_TRANSFER,
        notes="Prefers Spanish.\r\nSecond line, with a comma; and “quotes”.\n",
    )
    nahui.record_consent(
        Consent.Kind.BULLETIN,
        True,
        "Send me the bulletin.",
        "2025-2",
        Consent.Source.JOIN_FORM,
        when=when(2025, 3, 1, 12, 0, 5),
    )
    nahui.record_consent(
        Consent.Kind.EVENTS,
        True,
        "Events.",
        "2025-2",
        Consent.Source.JOIN_FORM,
        when=when(2025, 3, 1, 12, 0, 5),
    )
    nahui.record_consent(
        Consent.Kind.EVENTS,
        False,
        "Events.",
        "2026-1",
        Consent.Source.UNSUBSCRIBE,
        when=when(2026, 2, 10, 8, 30),
    )
    GiftAidDeclarationFactory(
        member=nahui, wording_version="2025-2", declared_at=when(2025, 3, 1, 12, 0)
    )
    network = MemberFactory(
        name='=HYPERLINK("http://evil.example")',
        organisation="@Red Muqui",
        email="info@muqui.example",
        membership_type=membership_type("Organisation"),
        country="",
        status=Member.Status.LAPSED,
        joined=datetime.date(2020, 1, 1),
        current_period_end=datetime.date(2025, 1, 1),
        payment_method=PaymentMethod.CHEQUE,
        notes="-5 subscription owed",
        telephone="'0207",
    )
    GiftAidDeclarationFactory(
        member=network, declared_at=when(2024, 1, 1), cancelled_at=when(2025, 1, 1)
    )
    waiting = MemberFactory(
        name="Rosa <b>Huamán</b>",
        email="rosa@example.org",
        membership_type=membership_type("Concession"),
        payment_method=PaymentMethod.STANDING_ORDER,
    )
    return [nahui, network, waiting]


def snapshot():
    """Everything the import could change, for every member."""
    members = {}
    for member in Member.objects.order_by("pk"):
        members[member.pk] = {
            "fields": model_to_dict(member),
            "country": member.country.code,
            "updated_at": member.updated_at,
            "consents": list(
                member.consents.order_by("pk").values(
                    "kind", "given", "wording", "wording_version", "source"
                )
            ),
            "consent_times": list(
                member.consents.order_by("pk").values_list("recorded_at", flat=True)
            ),
            "gift_aid": list(
                member.gift_aid_declarations.order_by("pk").values(
                    "wording", "wording_version", "declared_at", "cancelled_at"
                )
            ),
        }
    return members


# Export --------------------------------------------------------------------------


def test_the_export_has_every_column_and_exactly_the_filtered_members(
    desk, varied_members
):
    content = export(desk, status="active")
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert header == csv_io.COLUMNS
    exported = rows(content)
    assert [row["name"] for row in exported] == ["Ñahui Quispe Mamani"]

    assert sorted(row["email"] for row in rows(export(desk, q="example.org"))) == [
        "Nahui.Quispe@example.org",
        "rosa@example.org",
    ]
    # No filter: everyone, not just the first page.
    MemberFactory.create_batch(60)
    assert len(rows(export(desk))) == 63


def test_the_export_gives_the_consents_and_gift_aid_with_dates_and_versions(
    desk, varied_members
):
    nahui = varied_members[0]
    (row,) = rows(export(desk, q="Quispe"))
    assert row == {
        "number": str(nahui.pk),
        "name": "Ñahui Quispe Mamani",
        "organisation": "",
        "email": "Nahui.Quispe@example.org",
        "telephone": "'+51 84 123456",
        "address_line_1": 'Jr. Ayacucho 123, "El Sol"',
        "address_line_2": "Dpto 4",
        "town": "Cusco",
        "county": "Cusco",
        "postcode": "08002",
        "country": "PE",
        "membership_type": "Individual",
        "payment_method": "bank-transfer",
        "payment_reference": nahui.payment_reference,
        "status": "active",
        "joined": "2019-04-02",
        "current_period_end": "2026-12-31",
        "bulletin_consent": "yes",
        "bulletin_consent_recorded_at": "2025-03-01 12:00:05+00:00",
        "bulletin_consent_wording_version": "2025-2",
        "events_consent": "no",
        "events_consent_recorded_at": "2026-02-10 08:30:00+00:00",
        "events_consent_wording_version": "2026-1",
        "gift_aid_declared_at": "2025-03-01 12:00:00+00:00",
        "gift_aid_wording_version": "2025-2",
        "notes": "Prefers Spanish.\r\nSecond line, with a comma; and “quotes”.\n",
        "created_at": csv_io.format_datetime(nahui.created_at),
        "updated_at": csv_io.format_datetime(nahui.updated_at),
    }


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(desk, varied_members):
    (row,) = rows(export(desk, q="muqui"))
    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["organisation"] == "'@Red Muqui"
    assert row["notes"] == "'-5 subscription owed"
    assert row["telephone"] == "''0207"
    # A cancelled declaration is not in force.
    assert row["gift_aid_declared_at"] == ""


def test_the_export_needs_the_export_permission(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x")
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_member"),
    )
    client.force_login(clerk)
    page = client.get(LIST)
    assert page.status_code == 200
    assert b"export=csv" not in page.content
    assert client.get(LIST, {"export": "csv"})["Location"] == "/admin/"
    assert client.get(LIST, {"export": "xlsx"}).status_code == 200  # just the list


def test_the_export_query_count_does_not_grow_with_members(
    desk, varied_members, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        export(desk)
    for member in MemberFactory.create_batch(20):
        GiftAidDeclarationFactory(member=member)
        member.record_consent("bulletin", True, "w", "1", "join-form")
    with django_assert_max_num_queries(15):
        export(desk)


# Round trip ----------------------------------------------------------------------


def test_an_export_imports_again_without_changing_anything(desk, varied_members):
    before = snapshot()
    response = upload(desk, export(desk))
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert result.errors == []
    assert snapshot() == before


def test_an_export_imported_into_an_empty_register_recreates_every_member(
    desk, varied_members
):
    content = export(desk)
    before = {row["email"]: row for row in rows(content)}
    Member.objects.all().delete()

    result = upload(desk, content).context["result"]
    assert (result.created, result.updated, result.errors) == (3, 0, [])

    after = {row["email"]: row for row in rows(export(desk))}
    ignored = {"number", "created_at", "updated_at"}
    for email, row in before.items():
        assert {k: v for k, v in after[email].items() if k not in ignored} == {
            k: v for k, v in row.items() if k not in ignored
        }
    nahui = Member.objects.get(email__iexact="nahui.quispe@example.org")
    assert nahui.consents.filter(source=Consent.Source.IMPORT).count() == 2
    # The wording of a version no one here has on record is marked as such.
    assert "not on record" in nahui.consents.get(wording_version="2025-2").wording
    assert nahui.consents.get(wording_version="2026-1").wording == (
        "Send me news of PSG events by email."
    )
    assert nahui.gift_aid_declaration.wording_version == "2025-2"


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
            make_csv(columns=[*csv_io.REQUIRED_COLUMNS, "shoe_size"]),
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
    monkeypatch.setattr(csv_io, "MAX_FILE_SIZE", 1000)
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
    original = csv_io.apply_plan
    calls = []

    def fail_on_second(plan, *args):
        calls.append(plan)
        if len(calls) == 2:
            from django.db import IntegrityError

            raise IntegrityError("simulated")
        return original(plan, *args)

    monkeypatch.setattr(csv_io, "apply_plan", fail_on_second)
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
