"""Bounces read from a Maildir by ``process_bounces``: hard ones stop sending
at once, three soft ones in a row do, a delivery resets the count, anything
else is left alone, and a second run counts nothing twice."""

import mailbox
from email.message import EmailMessage, Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from psg.bulletin.bounces import record_delivery_success
from psg.bulletin.models import Subscriber

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def dsn(recipient, action, status, diagnostic="smtp; 550 5.1.1 No such user"):
    """A delivery-status notification (RFC 3464) as a mail server sends one."""
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"] = "MAILER-DAEMON@mx.example.net"
    report["To"] = "bounces@perusupportgroup.org.uk"
    report["Subject"] = "Delivery Status Notification"
    report.attach(MIMEText("Your message could not be delivered.\n"))
    per_message = Message()
    per_message["Reporting-MTA"] = "dns; mx.example.net"
    per_recipient = Message()
    per_recipient["Final-Recipient"] = f"rfc822; {recipient}"
    per_recipient["Action"] = action
    per_recipient["Status"] = status
    per_recipient["Diagnostic-Code"] = diagnostic
    status_part = Message()
    status_part["Content-Type"] = "message/delivery-status"
    status_part.set_payload([per_message, per_recipient])
    report.attach(status_part)
    original = MIMEBase("text", "rfc822-headers")
    original.set_payload("Subject: PSG bulletin 180\n")
    report.attach(original)
    return report


def hard(recipient):
    return dsn(recipient, "failed", "5.1.1")


def soft(recipient):
    return dsn(recipient, "delayed", "4.2.2", "smtp; 452 4.2.2 Mailbox full")


def junk():
    message = EmailMessage()
    message["From"] = "someone@example.com"
    message["Subject"] = "Re: PSG bulletin 180"
    message.set_content("Thank you for the bulletin!")
    return message


@pytest.fixture
def maildir(tmp_path):
    path = tmp_path / "bounces"
    box = mailbox.Maildir(path, create=True)
    box.path = str(path)
    return box


def deliver(box, *messages):
    return [box.add(message) for message in messages]


def run(box, *args):
    call_command("process_bounces", box.path, *args)


def status_of(email):
    return Subscriber.objects.get(email=email).status


def test_a_hard_bounce_stops_sending_at_once(maildir, capsys):
    SubscriberFactory(email="gone@example.org")
    keep = SubscriberFactory(email="fine@example.org")
    deliver(maildir, hard("gone@example.org"))

    run(maildir)

    gone = Subscriber.objects.get(email="gone@example.org")
    assert gone.status == Subscriber.Status.BOUNCED
    assert gone.is_bounced
    assert gone.last_bounce_at is not None
    assert "5.1.1" in gone.last_bounce_reason
    assert status_of(keep.email) == Subscriber.Status.SUBSCRIBED
    out = capsys.readouterr().out
    assert "1 hard bounce(s)" in out
    assert "Stopped sending to gone@example.org" in out
    assert Subscriber.objects.sending().filter(email="gone@example.org").count() == 0


def test_three_soft_bounces_in_a_row_stop_sending(maildir):
    SubscriberFactory(email="full@example.org")
    deliver(maildir, soft("full@example.org"), soft("full@example.org"))
    run(maildir)
    subscriber = Subscriber.objects.get()
    assert subscriber.soft_bounce_count == 2
    assert subscriber.status == Subscriber.Status.SUBSCRIBED

    deliver(maildir, soft("FULL@example.org"))
    run(maildir)

    subscriber.refresh_from_db()
    assert subscriber.soft_bounce_count == 3
    assert subscriber.status == Subscriber.Status.BOUNCED


def test_a_delivery_resets_the_soft_bounce_count(maildir):
    SubscriberFactory(email="full@example.org")
    deliver(maildir, soft("full@example.org"), soft("full@example.org"))
    run(maildir)

    record_delivery_success("Full@example.org")
    deliver(maildir, soft("full@example.org"), soft("full@example.org"))
    run(maildir)

    subscriber = Subscriber.objects.get()
    assert subscriber.soft_bounce_count == 2
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_a_delivered_notification_resets_the_count_too(maildir):
    SubscriberFactory(email="full@example.org", soft_bounce_count=2)
    deliver(maildir, dsn("full@example.org", "delivered", "2.0.0", "smtp; 250 OK"))

    run(maildir)

    assert Subscriber.objects.get().soft_bounce_count == 0


def test_a_second_run_counts_nothing_twice(maildir, capsys):
    SubscriberFactory(email="full@example.org")
    keys = deliver(maildir, soft("full@example.org"))

    run(maildir)
    run(maildir)

    assert Subscriber.objects.get().soft_bounce_count == 1
    assert "Read 0 new message(s)" in capsys.readouterr().out
    message = maildir.get_message(keys[0])
    assert message.get_subdir() == "cur"
    assert "S" in message.get_flags()


def test_delete_removes_processed_notifications(maildir):
    SubscriberFactory(email="gone@example.org")
    [key] = deliver(maildir, hard("gone@example.org"))

    run(maildir, "--delete")

    assert key not in maildir.keys()
    assert status_of("gone@example.org") == Subscriber.Status.BOUNCED


def test_other_messages_are_reported_and_left_alone(maildir, capsys):
    SubscriberFactory(email="gone@example.org")
    [junk_key, _bounce] = deliver(maildir, junk(), hard("gone@example.org"))

    run(maildir)

    captured = capsys.readouterr()
    assert "1 message(s) are not delivery-status notifications" in captured.err
    assert junk_key in captured.err
    message = maildir.get_message(junk_key)
    assert message.get_subdir() == "new"
    assert "S" not in message.get_flags()
    assert status_of("gone@example.org") == Subscriber.Status.BOUNCED


def test_bounces_for_unknown_addresses_are_counted_not_stored(maildir, capsys):
    deliver(maildir, hard("stranger@example.org"))

    run(maildir)

    assert not Subscriber.objects.exists()
    assert "1 for addresses not subscribed" in capsys.readouterr().out


def test_a_missing_maildir_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("process_bounces", str(tmp_path / "nowhere"))
