"""A member's download of their own data: everything, and only theirs."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone

from psg.members import subject_access
from psg.members.models import (
    Consent,
    Member,
    PaymentMethod,
    RenewalReminder,
)
from psg.members.tests.factories import GiftAidDeclarationFactory, MemberFactory
from psg.members.tests.test_account import assert_not_cached, sign_in

pytestmark = pytest.mark.django_db

DOWNLOAD = reverse("membership-download")


@pytest.fixture
def member(site):
    member = MemberFactory(
        name="Ñahui Quispe Mamani",
        organisation="Red Muqui",
        email="nahui+psg@example.org",
        telephone="+51 84 123456",
        address_line_1="Jr. Ayacucho 123",
        town="Cusco",
        postcode="08002",
        country="PE",
        notes="Prefers Spanish",
        payment_method=PaymentMethod.BANK_TRANSFER,
    )
    member.record_consent(
        Consent.Kind.BULLETIN,
        True,
        "Send me the PSG bulletin by email.",
        "2026-1",
        Consent.Source.JOIN_FORM,
        when=timezone.now() - datetime.timedelta(days=400),
    )
    member.record_consent(
        Consent.Kind.BULLETIN,
        False,
        "Send me the PSG bulletin by email.",
        "2026-1",
        Consent.Source.MEMBER,
    )
    GiftAidDeclarationFactory(member=member, wording="I want to Gift Aid (test).")
    member.record_payment(
        Decimal("25.00"), datetime.date(2025, 4, 1), PaymentMethod.BANK_TRANSFER
    )
    member.record_payment(
        Decimal("27.50"), datetime.date(2026, 3, 20), PaymentMethod.BANK_TRANSFER
    )
    RenewalReminder.objects.create(
        member=member,
        period_end=datetime.date(2026, 3, 31),
        kind=RenewalReminder.Kind.BEFORE,
        sent_at=timezone.now(),
    )
    member.refresh_from_db()
    return member


@pytest.fixture
def someone_else(site):
    other = MemberFactory(
        name="Rosa Huamán Ccori", email="rosa@example.org", telephone="01 2345"
    )
    other.record_consent(
        Consent.Kind.EVENTS, True, "Events wording", "2026-1", Consent.Source.MEMBER
    )
    GiftAidDeclarationFactory(member=other, wording="Rosa's declaration")
    other.record_payment(
        Decimal("99.00"), datetime.date(2026, 1, 5), PaymentMethod.CHEQUE
    )
    return other


def test_json_holds_every_record_about_the_member(member, someone_else):
    data = json.loads(subject_access.as_json(member))

    details = data["member"]
    assert details["id"] == member.pk
    assert details["name"] == "Ñahui Quispe Mamani"
    assert details["organisation"] == "Red Muqui"
    assert details["email"] == "nahui+psg@example.org"
    assert details["telephone"] == "+51 84 123456"
    assert details["address_line_1"] == "Jr. Ayacucho 123"
    assert details["country"] == "PE"
    assert details["notes"] == "Prefers Spanish"
    assert details["payment_reference"] == member.payment_reference
    assert details["status"] == Member.Status.ACTIVE
    assert details["membership_type"] == member.membership_type.name
    assert details["current_period_end"] == "2027-03-31"
    assert details["bulletin_consent"] is False
    assert [
        (c["kind"], c["given"], c["wording_version"], c["source"])
        for c in data["consents"]
    ] == [
        ("bulletin", True, "2026-1", "join-form"),
        ("bulletin", False, "2026-1", "member"),
    ]
    assert data["consents"][0]["wording"] == "Send me the PSG bulletin by email."
    [declaration] = data["gift_aid_declarations"]
    assert declaration["wording"] == "I want to Gift Aid (test)."
    assert [(p["date"], p["amount"], p["period_end"]) for p in data["payments"]] == [
        ("2025-04-01", "25.00", "2026-03-31"),
        ("2026-03-20", "27.50", "2027-03-31"),
    ]
    assert data["payments"][0]["reference"] == member.payment_reference
    [reminder] = data["renewal_reminders"]
    assert (reminder["kind"], reminder["period_end"]) == ("before", "2026-03-31")
    assert reminder["sent_at"]

    text = json.dumps(data, ensure_ascii=False)
    for theirs in ("Rosa", "rosa@example.org", "99.00", "Events wording"):
        assert theirs not in text


def test_csv_holds_the_same_values(member, someone_else):
    rows = list(csv.DictReader(io.StringIO(subject_access.as_csv(member))))

    def value(record, field, number="1"):
        [row] = [
            r
            for r in rows
            if (r["record"], r["number"], r["field"]) == (record, number, field)
        ]
        return row["value"]

    assert value("member", "name") == "Ñahui Quispe Mamani"
    assert value("member", "email") == "nahui+psg@example.org"
    # A leading "+" is a formula to a spreadsheet: shown, never run.
    assert value("member", "telephone") == "'+51 84 123456"
    assert value("member", "bulletin_consent") == "no"
    assert value("consents", "given", "1") == "yes"
    assert value("consents", "given", "2") == "no"
    assert value("consents", "wording_version", "2") == "2026-1"
    assert value("gift_aid_declarations", "wording") == "I want to Gift Aid (test)."
    assert value("payments", "amount", "2") == "27.50"
    assert value("renewal_reminders", "kind") == "before"
    assert {r["record"] for r in rows} == {
        "export",
        "member",
        "consents",
        "gift_aid_declarations",
        "payments",
        "renewal_reminders",
        "bulletin_subscription",
    }
    assert value("bulletin_subscription", "status") == "unsubscribed"
    assert value("bulletin_subscription", "series") == ""
    assert "Rosa" not in subject_access.as_csv(member)


def test_the_member_downloads_their_data(client, member, someone_else):
    sign_in(client, member)

    page = client.get(DOWNLOAD)
    as_json = client.get(DOWNLOAD, {"format": "json"})
    as_csv = client.get(DOWNLOAD, {"format": "csv"})

    assert page.status_code == 200
    assert b"?format=csv" in page.content
    assert b"?format=json" in page.content
    stamp = timezone.localdate().isoformat()
    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert as_json["Content-Disposition"] == (
        f'attachment; filename="psg-membership-{member.pk}-{stamp}.json"'
    )
    assert json.loads(as_json.content)["member"]["email"] == "nahui+psg@example.org"
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"].endswith(f'-{stamp}.csv"')
    text = as_csv.content.decode("utf-8-sig")  # a BOM first, for spreadsheets
    assert as_csv.content.startswith(b"\xef\xbb\xbf")
    assert "Ñahui Quispe Mamani" in text
    for response in (page, as_json, as_csv):
        assert_not_cached(response)
        assert b"Rosa" not in response.content
        assert b"rosa@example.org" not in response.content


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(site):
    # A member's own fields are typed by them (or by anyone who joined in
    # their name): the download must not run them in a spreadsheet.
    member = MemberFactory(
        name='=HYPERLINK("http://evil.example","x")',
        organisation="+cmd|' /C calc'!A0",
        telephone="-1+1",
        address_line_1="@SUM(1)",
        town="\tLima",
        county="'quoted",
    )
    rows = list(csv.reader(io.StringIO(subject_access.as_csv(member))))
    values = {row[2]: row[3] for row in rows if row[0] == "member"}
    assert values["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert values["organisation"] == "'+cmd|' /C calc'!A0"
    assert values["telephone"] == "'-1+1"
    assert values["address_line_1"] == "'@SUM(1)"
    assert values["town"] == "'\tLima"
    assert values["county"] == "''quoted"
    # The JSON copy keeps the values exactly as they are.
    assert json.loads(subject_access.as_json(member))["member"]["telephone"] == "-1+1"
