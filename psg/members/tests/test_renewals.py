"""The daily renewals job: reminders on the right days, exactly once, and lapsing."""

import datetime
import io
import socket
from decimal import Decimal

import pytest

from django.core.management import call_command
from django.utils import timezone

from psg.members import renewals
from psg.members.models import (
    Member,
    MembershipSettings,
    PaymentMethod,
    RenewalReminder,
)
from psg.members.tasks import run_renewals
from psg.members.tests.factories import MemberFactory, membership_type

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def bank(site):
    settings_ = MembershipSettings.for_site(site)
    settings_.bank_name = "Co-operative Bank"
    settings_.sort_code = "08-92-99"
    settings_.account_number = "65432178"
    settings_.iban = "GB12CPBK08929965432178"
    settings_.secretary_email = "membership@perusupportgroup.org.uk"
    settings_.cheque_address = "PSG, c/o 1 Example Street\nLondon N1 1AA"
    settings_.save()
    return settings_


def active_member(end, **kwargs):
    kwargs.setdefault("payment_method", PaymentMethod.BANK_TRANSFER)
    return MemberFactory(status=Member.Status.ACTIVE, current_period_end=end, **kwargs)


def run(day, now=None):
    return renewals.run_renewals(today=day, now=now or timezone.now())


def mails_to(smtp_server, address):
    return [m["message"] for m in smtp_server.messages if m["to"] == [address]]


def test_reminder_30_days_before_goes_once_with_payment_instructions(smtp_server, bank):
    today = timezone.localdate()
    member = active_member(
        today + datetime.timedelta(days=30),
        name="Ñahui Quispe Mamani",
        email="nahui+psg@example.org",
        membership_type=membership_type("Individual"),
    )

    call_command("run_renewals", stdout=io.StringIO())
    call_command("run_renewals", stdout=io.StringIO())

    [message] = mails_to(smtp_server, "nahui+psg@example.org")
    end = member.current_period_end
    assert message["Subject"] == (
        f"Your Peru Support Group membership ends on {end.day} {end:%B %Y}"
    )
    assert message["Reply-To"] == "membership@perusupportgroup.org.uk"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    fee = member.membership_type.annual_fee
    for expected in (
        "Dear Ñahui Quispe Mamani,",
        f"£{fee} a year",
        "Sort code: 08-92-99",
        "Account number: 65432178",
        "IBAN: GB12CPBK08929965432178",
        f"Reference: {member.payment_reference}",
        "PSG, c/o 1 Example Street",
        "http://testserver/membership/sign-in/",
    ):
        assert expected in text
    assert member.payment_reference in html
    assert "08-92-99" in html
    assert 'href="http://testserver/membership/sign-in/"' in html
    assert "<style>" not in html
    reminder = RenewalReminder.objects.get(member=member)
    assert reminder.kind == RenewalReminder.Kind.BEFORE
    assert reminder.period_end == end
    assert reminder.sent_at is not None


def test_standing_order_payers_are_told_they_need_do_nothing(smtp_server, bank):
    today = timezone.localdate()
    active_member(
        today + datetime.timedelta(days=30),
        email="so@example.org",
        payment_method=PaymentMethod.STANDING_ORDER,
    )
    active_member(today + datetime.timedelta(days=30), email="bt@example.org")
    active_member(
        today, email="so-ended@example.org", payment_method=PaymentMethod.STANDING_ORDER
    )

    run(today)

    [standing_order] = mails_to(smtp_server, "so@example.org")
    [transfer] = mails_to(smtp_server, "bt@example.org")
    [ended] = mails_to(smtp_server, "so-ended@example.org")
    nothing_to_do = "if it is still in place there is nothing you need to do"
    assert nothing_to_do in standing_order.get_body(("plain",)).get_content()
    assert (
        "You pay by standing order" not in transfer.get_body(("plain",)).get_content()
    )
    ended_text = ended.get_body(("plain",)).get_content()
    assert nothing_to_do not in ended_text
    assert "this year's payment has not reached us" in ended_text


def test_daily_runs_send_each_reminder_on_its_day_then_lapse(smtp_server, bank):
    end = datetime.date(2026, 3, 31)
    member = active_member(end, email="daily@example.org")
    sent_on = {}

    day = end - datetime.timedelta(days=45)
    while day <= end + datetime.timedelta(days=40):
        before = len(smtp_server.messages)
        result = run(day)
        result_again = run(day)  # a second run the same day sends nothing
        assert result_again.sent_total == 0
        if len(smtp_server.messages) > before:
            sent_on[day] = smtp_server.messages[-1]["message"]["Subject"]
        member.refresh_from_db()
        if day < end + datetime.timedelta(days=30):
            assert member.status == Member.Status.ACTIVE, day
        else:
            assert member.status == Member.Status.LAPSED, day
        if result.lapsed:
            assert day == end + datetime.timedelta(days=30)
        day += DAY

    assert sent_on == {
        datetime.date(2026, 3, 1): (
            "Your Peru Support Group membership ends on 31 March 2026"
        ),
        end: "Your Peru Support Group membership ended on 31 March 2026",
    }
    kinds = set(
        RenewalReminder.objects.filter(member=member).values_list("kind", flat=True)
    )
    assert kinds == {RenewalReminder.Kind.BEFORE, RenewalReminder.Kind.ON_DAY}


def test_on_the_day_reminder(smtp_server, bank):
    today = timezone.localdate()
    member = active_member(today, email="today@example.org")

    call_command("run_renewals", stdout=io.StringIO())

    [message] = mails_to(smtp_server, "today@example.org")
    assert message["Subject"].startswith("Your Peru Support Group membership ended on")
    text = message.get_body(("plain",)).get_content()
    assert "Please renew within 30 days" in text
    assert f"Reference: {member.payment_reference}" in text


def test_a_late_run_sends_the_due_reminder_once_not_one_per_missed_day(
    smtp_server, bank
):
    end = datetime.date(2026, 6, 30)
    active_member(end, email="late@example.org")

    # Nothing ran for the 12 days after the "30 days before" date.
    run(end - datetime.timedelta(days=18))
    run(end - datetime.timedelta(days=17))
    # Then nothing until 5 days after the end.
    run(end + datetime.timedelta(days=5))
    run(end + datetime.timedelta(days=6))

    subjects = [m["Subject"] for m in mails_to(smtp_server, "late@example.org")]
    assert subjects == [
        "Your Peru Support Group membership ends on 30 June 2026",
        "Your Peru Support Group membership ended on 30 June 2026",
    ]


def test_no_30_days_before_reminder_once_the_end_has_passed(smtp_server, bank):
    end = datetime.date(2026, 6, 30)
    member = active_member(end, email="after@example.org")

    run(end + datetime.timedelta(days=2))

    [message] = mails_to(smtp_server, "after@example.org")
    assert "ended on 30 June 2026" in message["Subject"]
    assert list(
        RenewalReminder.objects.filter(member=member).values_list("kind", flat=True)
    ) == [RenewalReminder.Kind.ON_DAY]


def test_lapses_30_days_after_an_unpaid_end_without_another_email(smtp_server, bank):
    today = timezone.localdate()
    lapsing = active_member(today - datetime.timedelta(days=30), email="a@example.org")
    not_yet = active_member(today - datetime.timedelta(days=29), email="b@example.org")
    paid = active_member(today + datetime.timedelta(days=200), email="c@example.org")

    result = run(today)

    assert result.lapsed == 1
    for member in (lapsing, not_yet, paid):
        member.refresh_from_db()
    assert lapsing.status == Member.Status.LAPSED
    assert not_yet.status == Member.Status.ACTIVE
    assert paid.status == Member.Status.ACTIVE
    assert mails_to(smtp_server, "a@example.org") == []
    # The one 29 days past its end had missed its on-the-day reminder: it gets it.
    assert len(mails_to(smtp_server, "b@example.org")) == 1
    assert mails_to(smtp_server, "c@example.org") == []


@pytest.mark.parametrize(
    "status",
    [Member.Status.CANCELLED, Member.Status.AWAITING_PAYMENT, Member.Status.LAPSED],
)
def test_no_reminders_for_members_who_are_not_active(smtp_server, bank, status):
    today = timezone.localdate()
    for days in (30, 0, -5):
        MemberFactory(
            status=status,
            current_period_end=today + datetime.timedelta(days=days),
            email=f"{status}{days}@example.org",
        )

    result = run(today)

    assert smtp_server.messages == []
    assert result.lapsed == 0
    assert not RenewalReminder.objects.exists()
    assert set(Member.objects.values_list("status", flat=True)) == {status}


def test_no_reminders_for_erased_members(smtp_server, bank):
    today = timezone.localdate()
    active_member(
        today + datetime.timedelta(days=30),
        email="erased-1@invalid",
        erased_at=timezone.now(),
    )

    run(today)

    assert smtp_server.messages == []


def test_a_renewed_member_gets_no_reminder_for_the_old_period(smtp_server, bank):
    today = timezone.localdate()
    old_end = today + datetime.timedelta(days=30)
    member = active_member(old_end, email="renewed@example.org")
    run(today)
    assert len(mails_to(smtp_server, "renewed@example.org")) == 1

    member.record_payment(Decimal("25.00"), today, PaymentMethod.BANK_TRANSFER)
    member.refresh_from_db()
    assert member.current_period_end > old_end + datetime.timedelta(days=360)

    # The old period's end comes and goes: nothing more is sent, nothing lapses.
    for offset in range(31):
        run(old_end + datetime.timedelta(days=offset))
    member.refresh_from_db()
    assert len(mails_to(smtp_server, "renewed@example.org")) == 1
    assert member.status == Member.Status.ACTIVE


def test_a_member_who_pays_before_the_reminder_gets_none(smtp_server, bank):
    today = timezone.localdate()
    member = active_member(today + datetime.timedelta(days=40))
    member.record_payment(Decimal("25.00"), today, PaymentMethod.BANK_TRANSFER)

    run(today + datetime.timedelta(days=10))

    assert smtp_server.messages == []


def test_a_run_that_dies_half_way_sends_each_reminder_exactly_once(
    smtp_server, bank, monkeypatch
):
    today = timezone.localdate()
    end = today + datetime.timedelta(days=30)
    first, dying, third = (
        active_member(end, email=f"member{n}@example.org") for n in (1, 2, 3)
    )
    real_send = renewals.send_reminder

    class WorkerKilled(BaseException):
        """A kill, which no ``except Exception`` catches."""

    def send_or_die(member, reminder, settings_):
        if member.pk == dying.pk:
            # The process is killed after claiming the reminder, before sending.
            raise WorkerKilled
        return real_send(member, reminder, settings_)

    monkeypatch.setattr(renewals, "send_reminder", send_or_die)
    with pytest.raises(WorkerKilled):
        run(today)
    monkeypatch.setattr(renewals, "send_reminder", real_send)

    assert len(mails_to(smtp_server, "member1@example.org")) == 1
    claim = RenewalReminder.objects.get(member=dying)
    assert claim.sent_at is None
    assert not RenewalReminder.objects.filter(member=third).exists()

    # Rerun at once: the third member gets theirs; the dead claim is too fresh
    # to tell from a send in progress elsewhere, so it is left alone.
    result = run(today)
    assert result.skipped_in_progress == 1
    assert len(mails_to(smtp_server, "member3@example.org")) == 1
    assert mails_to(smtp_server, "member2@example.org") == []

    # An hour later the claim is stale: the reminder that never went is sent.
    later = timezone.now() + renewals.STALE_CLAIM + datetime.timedelta(minutes=1)
    result = run(today, now=later)
    assert result.sent_total == 1
    run(today, now=later)
    run(today + DAY, now=later + DAY)

    for n in (1, 2, 3):
        assert len(mails_to(smtp_server, f"member{n}@example.org")) == 1
    assert not RenewalReminder.objects.filter(sent_at__isnull=True).exists()
    assert RenewalReminder.objects.count() == 3
    assert {first.pk, dying.pk, third.pk} == set(
        RenewalReminder.objects.values_list("member", flat=True)
    )


def test_a_reminder_the_mail_server_refuses_is_tried_again_next_run(
    smtp_server, bank, settings
):
    today = timezone.localdate()
    active_member(today + datetime.timedelta(days=30), email="retry@example.org")
    working_port = settings.EMAIL_PORT
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = probe.getsockname()[1]

    result = run(today)

    assert result.failed == 1
    assert not RenewalReminder.objects.exists()  # the claim was released

    settings.EMAIL_PORT = working_port
    assert run(today).sent_total == 1
    assert run(today).sent_total == 0
    assert len(mails_to(smtp_server, "retry@example.org")) == 1


def test_the_command_reports_what_it_did(smtp_server, bank, capsys):
    today = timezone.localdate()
    active_member(today + datetime.timedelta(days=30))
    active_member(today)
    active_member(today - datetime.timedelta(days=31))

    call_command("run_renewals")

    out = capsys.readouterr().out
    assert (
        f"{today:%Y-%m-%d}: 2 reminders sent (1 30 days before, 1 on the day), "
        "0 failed, 0 being sent elsewhere; 1 memberships lapsed."
    ) in out


def test_the_task_runs_the_job(smtp_server, bank):
    active_member(timezone.localdate(), email="task@example.org")

    result = run_renewals.enqueue()

    assert result.status == "SUCCESSFUL"
    assert result.return_value["sent"] == {"on-day": 1}
    assert len(mails_to(smtp_server, "task@example.org")) == 1
