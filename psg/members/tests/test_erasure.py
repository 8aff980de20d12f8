"""Erasure removes a member's personal data from every table in the database."""

import datetime
import json
from decimal import Decimal

import pytest
from django_tasks_db.models import DBTaskResult

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from psg.members.erasure import erase_member
from psg.members.models import (
    Consent,
    ErasureLog,
    GiftAidDeclaration,
    JoinApplication,
    Member,
    Payment,
    PaymentMethod,
    RenewalReminder,
)
from psg.members.tests.factories import (
    GiftAidDeclarationFactory,
    MemberFactory,
    PaymentFactory,
)
from psg.members.tests.test_account import HOME, SIGN_IN, sign_in

pytestmark = pytest.mark.django_db

NAME = "Ñahui Quispe Mamani"
EMAIL = "Nahui.Quispe+psg@example.org"
ORGANISATION = "Kuska Wasi Collective"
TELEPHONE = "+51 84 987654"
STREET = "Jirón Ayacucho 1234"
OTHER_NAME = "Rosa Huamán Ccori"
OTHER_EMAIL = "rosa.huaman@example.org"


def tables_containing(needle):
    """Every (table, column) whose text holds ``needle``, in any letter case and
    in JSON's escaped spelling of non-ASCII letters."""
    spellings = {needle, json.dumps(needle)[1:-1]}
    quote = connection.ops.quote_name
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                text = f"CAST({quote(column.name)} AS TEXT)"
                conditions, params = [], []
                for spelling in spellings:
                    pattern = "%" + spelling.replace("%", r"\%").replace("_", r"\_")
                    pattern += "%"
                    conditions += [
                        f"{text} LIKE %s ESCAPE '\\'",
                        f"LOWER({text}) LIKE %s ESCAPE '\\'",
                    ]
                    params += [pattern, pattern.lower()]
                sql = (
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608
                    f"WHERE {' OR '.join(conditions)}"
                )
                cursor.execute(sql, params)
                if cursor.fetchone()[0]:
                    found.add((table, column.name))
    return found


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        "secretary", "secretary@example.org", "a-long-test-password"
    )


def give_records(member, admin_user):
    """Consents, Gift Aid, payments, reminders, logs: what a member leaves."""
    member.record_consent(
        Consent.Kind.BULLETIN,
        True,
        "Send me the PSG bulletin by email.",
        "2026-1",
        Consent.Source.JOIN_FORM,
    )
    GiftAidDeclarationFactory(member=member)
    member.record_payment(
        Decimal("25.00"),
        timezone.localdate() - datetime.timedelta(days=300),
        PaymentMethod.STANDING_ORDER,
    )
    RenewalReminder.objects.create(
        member=member,
        period_end=member.current_period_end,
        kind=RenewalReminder.Kind.BEFORE,
        sent_at=timezone.now(),
    )
    log(instance=member, action="wagtail.create", user=admin_user)
    log(
        instance=member,
        action="wagtail.edit",
        user=admin_user,
        data={"changed": {"email": member.email, "name": member.name}},
    )
    LogEntry.objects.create(
        user=admin_user,
        content_type=ContentType.objects.get_for_model(Member),
        object_id=str(member.pk),
        object_repr=str(member),
        action_flag=CHANGE,
        change_message=f"Changed email to {member.email}.",
    )


@pytest.fixture
def member(admin_user):
    member = MemberFactory(
        name=NAME,
        organisation=ORGANISATION,
        email=EMAIL,
        telephone=TELEPHONE,
        address_line_1=STREET,
        town="Cusco",
        postcode="08002",
        country="PE",
        notes=f"Met {NAME} at the Cusco meeting.",
        payment_method=PaymentMethod.STANDING_ORDER,
    )
    give_records(member, admin_user)
    # A payment whose reference the secretary typed by hand, naming the payer.
    PaymentFactory(
        member=member,
        reference=f"Cheque from {NAME}",
        method=PaymentMethod.CHEQUE,
        amount=Decimal("10.00"),
    )
    # A second join form from the same address, never confirmed.
    JoinApplication.objects.create(
        email=EMAIL.upper(),
        data={"name": NAME, "email": EMAIL.upper(), "telephone": TELEPHONE},
    )
    # A log entry about something else that quotes the address.
    log(
        instance=member.membership_type,
        action="wagtail.edit",
        user=admin_user,
        title=f"Bulletin sent to {EMAIL}",
    )
    # A finished background task that carried the address.
    DBTaskResult.objects.create(
        args_kwargs={"args": [EMAIL, NAME], "kwargs": {}},
        task_path="psg.members.tasks.send_signin_link",
        backend_name="default",
        status="FAILED",
        exception_class_path="smtplib.SMTPRecipientsRefused",
        traceback=f"SMTPRecipientsRefused: {{'{EMAIL}': (550, 'no')}}",
    )
    return member


@pytest.fixture
def other_member(admin_user):
    other = MemberFactory(
        name=OTHER_NAME,
        email=OTHER_EMAIL,
        telephone="+44 20 7946 0999",
        payment_method=PaymentMethod.BANK_TRANSFER,
    )
    give_records(other, admin_user)
    return other


def test_the_search_finds_personal_data_where_it_is(member, other_member):
    # The check below is only worth something if the search finds things.
    assert ("members_member", "email") in tables_containing(EMAIL)
    assert ("members_joinapplication", "data") in tables_containing(NAME)
    assert ("wagtailcore_modellogentry", "label") in tables_containing(EMAIL)
    assert ("django_admin_log", "object_repr") in tables_containing(NAME)
    assert (DBTaskResult._meta.db_table, "traceback") in tables_containing(EMAIL)


def test_after_erasure_the_name_and_email_are_nowhere(client, member, other_member):
    sign_in(client, member)
    erase_member(member, requested_by="member")

    for personal in (
        NAME,
        EMAIL,
        "Quispe",
        "Nahui.Quispe",
        ORGANISATION,
        TELEPHONE,
        STREET,
    ):
        assert tables_containing(personal) == set(), personal

    # The other member is untouched, and still found everywhere they were.
    other_member.refresh_from_db()
    assert other_member.name == OTHER_NAME
    assert ("members_member", "name") in tables_containing(OTHER_NAME)
    assert ("django_admin_log", "change_message") in tables_containing(OTHER_EMAIL)
    assert {("wagtailcore_modellogentry", "label")} <= tables_containing(OTHER_NAME)
    assert other_member.consents.count() == 1
    assert other_member.gift_aid_declarations.count() == 1
    assert other_member.payments.count() == 1
    assert other_member.renewal_reminders.count() == 1
    # The erased member's session no longer signs anyone in.
    assert client.get(HOME)["Location"] == SIGN_IN


def test_what_is_kept_after_erasure(member, admin_user):
    number = member.pk
    issued_reference = member.payment_reference
    payments = {
        p.pk: (p.date, p.amount, p.method, p.period_start, p.period_end)
        for p in member.payments.all()
    }

    log_entry = erase_member(member, requested_by="secretary")

    erased = Member.objects.get(pk=number)
    assert erased.email == f"erased-{number}@invalid"
    assert erased.name == "(erased)"
    for field in ("organisation", "telephone", "address_line_1", "town", "notes"):
        assert getattr(erased, field) == ""
    assert erased.country.code is None or erased.country.code == ""
    assert erased.status == Member.Status.CANCELLED
    assert erased.erased_at is not None
    assert (erased.bulletin_consent, erased.events_consent) == (False, False)
    assert erased.payment_reference != issued_reference
    assert not Consent.objects.filter(member=erased).exists()
    assert not GiftAidDeclaration.objects.filter(member=erased).exists()
    assert not RenewalReminder.objects.filter(member=erased).exists()
    assert not JoinApplication.objects.exists()

    # Payments stay for the accounts, unlinked; only the issued reference stays.
    kept = Payment.objects.filter(pk__in=payments)
    assert {
        p.pk: (p.date, p.amount, p.method, p.period_start, p.period_end) for p in kept
    } == payments
    assert {p.member_id for p in kept} == {None}
    assert sorted(p.reference for p in kept) == sorted(["", issued_reference])

    # The log says who asked and when, and nothing else.
    assert log_entry == ErasureLog.objects.get()
    assert log_entry.member_number == number
    assert log_entry.requested_by == "secretary"
    assert str(log_entry).startswith(f"Member {number} erased")

    # The admin logs keep what happened, not to whom.
    labels = set(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Member)
        ).values_list("label", "action")
    )
    assert labels == {
        ("member ([erased])", "wagtail.create"),
        ("member ([erased])", "wagtail.edit"),
    }
    edit = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Member),
        action="wagtail.edit",
        object_id=str(number),
    )
    assert edit.data == {"changed": {"email": "[erased]", "name": "[erased]"}}
    other_entry = ModelLogEntry.objects.get(label__startswith="Bulletin sent to")
    assert other_entry.label == "Bulletin sent to [erased]"
    admin_entry = LogEntry.objects.get()
    assert admin_entry.object_repr == "member ([erased])"
    assert admin_entry.change_message == "Changed email to [erased]."
    assert not DBTaskResult.objects.exists()


def test_erasing_twice_does_nothing_more(member):
    erase_member(member, requested_by="member")
    erased = Member.objects.get(pk=member.pk)

    assert erase_member(erased, requested_by="secretary") is None
    assert ErasureLog.objects.count() == 1


def test_the_erased_address_can_join_again(member):
    erase_member(member, requested_by="member")

    again = MemberFactory(email=EMAIL)

    assert again.pk != member.pk


def test_an_unknown_requester_is_refused(member):
    with pytest.raises(ValueError):
        erase_member(member, requested_by="someone")
    member.refresh_from_db()
    assert member.erased_at is None
