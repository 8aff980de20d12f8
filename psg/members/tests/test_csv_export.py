"""Members to CSV from the members list in the admin, and back again
unchanged."""

import csv
import datetime
import io

import pytest

from django.contrib.auth.models import Permission

from psg.members.desk.csv_columns import COLUMNS, format_datetime
from psg.members.models import Consent, Member, PaymentMethod

from .csv_helpers import LIST, export, rows, snapshot, upload, when
from .factories import (
    GiftAidDeclarationFactory,
    MemberFactory,
    membership_type,
    secretary_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client):
    client.force_login(secretary_user())
    return client


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


# Export --------------------------------------------------------------------------


def test_the_export_has_every_column_and_exactly_the_filtered_members(
    desk, varied_members
):
    content = export(desk, status="active")
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert header == COLUMNS
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
        "created_at": format_datetime(nahui.created_at),
        "updated_at": format_datetime(nahui.updated_at),
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
