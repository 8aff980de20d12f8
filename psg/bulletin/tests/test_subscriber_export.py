"""The subscribers' list downloads as CSV or XLSX: exactly the subscribers
listed, with their language, status, series, confirmation and bounces; cells
a spreadsheet would run are defused; only those who may view subscribers
download it."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.members.languages import Language
from psg.members.tests.factories import editor_user, secretary_user

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db

LIST = reverse("bulletin_subscribers:index")
HEADER = [
    "Email",
    "Name",
    "Language",
    "Status",
    "Series",
    "Confirmed",
    "Unsubscribed",
    "Soft bounces in a row",
    "Last bounce",
    "Last bounce reason",
    "Created",
]
EVIL_NAME = '=HYPERLINK("http://evil.example","Click")'


def when(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


@pytest.fixture
def subscribers():
    update = BulletinSeries.objects.get(slug="update")
    peru_news = BulletinSeries.objects.get(slug="peru-news")
    return {
        "lucia": SubscriberFactory(
            email="lucia@example.org",
            name="Lucía Quispe",
            language=Language.SPANISH,
            confirmed_at=when(2025, 3, 1, 12, 0, 5, 250),
            series=[update, peru_news],
        ),
        "evil": SubscriberFactory(
            email="evil@example.com",
            name=EVIL_NAME,
            status=Subscriber.Status.BOUNCED,
            soft_bounce_count=3,
            last_bounce_at=when(2026, 2, 10, 8, 30),
            last_bounce_reason="-5.1.1 mailbox unknown",
            confirmed_at=when(2024, 1, 2),
        ),
        "bell": SubscriberFactory(
            email="bell@example.org",
            name="Bell\x07 Ringer",
            status=Subscriber.Status.UNSUBSCRIBED,
            confirmed_at=None,
            unsubscribed_at=when(2026, 1, 5, 9),
        ),
    }


@pytest.fixture
def secretary(client):
    client.force_login(secretary_user())
    return client


def export(client, export_format="csv", **filters):
    response = client.get(LIST, {**filters, "export": export_format})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="subscribers-{timezone.localdate().isoformat()}'
    )
    return response


def csv_rows(client, **filters):
    response = export(client, **filters)
    assert response["Content-Type"] == "text/csv"
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # for spreadsheet programs
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def by_email(rows):
    header, *rest = rows
    return {row[0]: dict(zip(header, row, strict=True)) for row in rest}


def test_the_csv_has_every_column_in_the_readers_words(secretary, subscribers):
    rows = csv_rows(secretary)
    assert rows[0] == HEADER
    lucia = subscribers["lucia"]
    assert by_email(rows)["lucia@example.org"] == {
        "Email": "lucia@example.org",
        "Name": "Lucía Quispe",
        "Language": "Spanish",
        "Status": "Subscribed",
        "Series": "Peru News, Update",
        "Confirmed": "2025-03-01 12:00:05+00:00",
        "Unsubscribed": "",
        "Soft bounces in a row": "0",
        "Last bounce": "",
        "Last bounce reason": "",
        "Created": lucia.created_at.astimezone(datetime.UTC).isoformat(
            sep=" ", timespec="seconds"
        ),
    }
    bell = by_email(rows)["bell@example.org"]
    assert (bell["Language"], bell["Status"], bell["Series"]) == (
        "English",
        "Unsubscribed",
        "",
    )
    assert bell["Unsubscribed"] == "2026-01-05 09:00:00+00:00"


def test_the_export_is_exactly_the_subscribers_listed(secretary, subscribers):
    bounced = by_email(csv_rows(secretary, status="bounced"))
    assert list(bounced) == ["evil@example.com"]
    assert bounced["evil@example.com"]["Status"] == "Bouncing: not sent to"
    assert bounced["evil@example.com"]["Soft bounces in a row"] == "3"
    assert bounced["evil@example.com"]["Last bounce"] == "2026-02-10 08:30:00+00:00"
    assert list(by_email(csv_rows(secretary, q="lucia"))) == ["lucia@example.org"]
    # Unfiltered: everyone, not just the first page of the list.
    SubscriberFactory.create_batch(60)
    assert len(csv_rows(secretary)) == 1 + 63


def test_csv_cells_a_spreadsheet_would_run_are_defused(secretary, subscribers):
    evil = by_email(csv_rows(secretary))["evil@example.com"]
    assert evil["Name"] == "'" + EVIL_NAME
    assert evil["Last bounce reason"] == "'-5.1.1 mailbox unknown"


def test_the_xlsx_keeps_them_as_text(secretary, subscribers):
    response = export(secretary, "xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows())
    assert [cell.value for cell in rows[0]] == HEADER
    cells = {row[0].value: row for row in rows[1:]}
    name = cells["evil@example.com"][1]
    assert (name.value, name.data_type) == (EVIL_NAME, "s")
    # A control character an XLSX file cannot hold is dropped, not an error.
    assert cells["bell@example.org"][1].value == "Bell Ringer"
    assert cells["lucia@example.org"][2].value == "Spanish"
    # A date cell, in UTC.
    confirmed = cells["lucia@example.org"][5].value
    assert abs(confirmed - datetime.datetime(2025, 3, 1, 12, 0, 5)).total_seconds() < 1


def test_the_secretary_sees_the_download_buttons(secretary, subscribers):
    page = secretary.get(LIST).content.decode()
    assert "Download CSV" in page and "Download XLSX" in page
    assert "export=csv" in page and "export=xlsx" in page


def test_superusers_download_it(client, admin_user, subscribers):
    client.force_login(admin_user)
    assert "lucia@example.org" in by_email(csv_rows(client))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_anonymous_visitors_are_sent_to_sign_in(client, subscribers, export_format):
    response = client.get(LIST, {"export": export_format})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def staff_with(*codenames):
    """An admin user holding only these permissions."""
    user = get_user_model().objects.create_user("clerk", password="x")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", *codenames])
    )
    return user


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_staff_without_subscriber_permissions_get_nothing(
    client, subscribers, export_format
):
    client.force_login(staff_with())
    response = client.get(LIST, {"export": export_format})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_editors_get_nothing(client, subscribers, export_format):
    client.force_login(editor_user())
    response = client.get(LIST, {"export": export_format})
    assert response.status_code in (302, 403)
    assert b"lucia@example.org" not in response.content


def test_changing_subscribers_without_viewing_them_is_no_export(client, subscribers):
    """The list is open to anyone holding a subscriber permission; the
    download only to those who may view subscribers."""
    client.force_login(staff_with("change_subscriber"))
    listed = client.get(LIST)
    refusals = [client.get(LIST, {"export": kind}) for kind in ("csv", "xlsx")]

    assert "lucia@example.org" in listed.content.decode()
    assert "export=" not in listed.content.decode()
    assert [response["Location"] for response in refusals] == ["/admin/"] * 2


def test_the_export_query_count_does_not_grow_with_subscribers(
    secretary, subscribers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20) as few:
        csv_rows(secretary)
    SubscriberFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(csv_rows(secretary)) == 1 + 33
