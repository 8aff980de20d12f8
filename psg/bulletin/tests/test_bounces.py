"""Bounces read from a Maildir by ``process_bounces``: hard ones stop sending
at once, three soft ones in a row do, a delivery resets the count; only a
notification sent back to the signed return path of a message the site sent
counts; every message is read once."""

import mailbox
from email.message import EmailMessage, Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from psg.bulletin.bounces import record_delivery_success
from psg.bulletin.models import Delivery, Edition, Subscriber, delivery_message_id
from psg.bulletin.verp import return_path

from .factories import EditionFactory
from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def sent_delivery(subscriber, status=Delivery.Status.SENT):
    """A delivery of a sent edition to ``subscriber``."""
    edition = EditionFactory(status=Edition.Status.SENT)
    return Delivery.objects.create(
        edition=edition,
        subscriber=subscriber,
        email=subscriber.email,
        status=status,
        message_id=delivery_message_id(edition.pk, subscriber.pk),
    )


def dsn(
    recipient,
    action,
    status,
    diagnostic="smtp; 550 5.1.1 No such user",
    to=None,
):
    """A delivery-status notification (RFC 3464) as a mail server sends one:
    by default, back to the return path of a message sent to the subscriber
    ``recipient`` (as bounces come back), or to ``to``."""
    if to is None:
        subscriber = Subscriber.objects.filter(email__iexact=recipient).first()
        to = (
            return_path(sent_delivery(subscriber).pk)
            if subscriber
            else "bounces@perusupportgroup.org.uk"
        )
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"] = "MAILER-DAEMON@mx.example.net"
    report["To"] = to
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


def test_other_messages_are_reported_and_marked_seen(maildir, capsys):
    SubscriberFactory(email="gone@example.org")
    [junk_key, _bounce] = deliver(maildir, junk(), hard("gone@example.org"))

    run(maildir)

    captured = capsys.readouterr()
    assert "1 message(s) are not delivery-status notifications" in captured.err
    assert junk_key in captured.err
    # Seen, as the Maildir convention has it: the next run does not read it.
    message = maildir.get_message(junk_key)
    assert message.get_subdir() == "cur"
    assert "S" in message.get_flags()
    assert status_of("gone@example.org") == Subscriber.Status.BOUNCED
    run(maildir)
    assert "Read 0 new message(s)" in capsys.readouterr().out


def test_bounces_for_unknown_addresses_are_ignored(maildir, capsys):
    deliver(maildir, hard("stranger@example.org"))

    run(maildir)

    assert not Subscriber.objects.exists()
    assert "1 ignored" in capsys.readouterr().out


def test_a_forged_report_naming_a_subscriber_does_nothing(maildir, capsys):
    """Anyone can mail the bounce address a report naming any subscriber."""
    SubscriberFactory(email="rosa@example.org")
    deliver(
        maildir,
        dsn(
            "rosa@example.org", "failed", "5.1.1", to="bounces@perusupportgroup.org.uk"
        ),
    )

    run(maildir)

    assert status_of("rosa@example.org") == Subscriber.Status.SUBSCRIBED
    assert Subscriber.objects.get().last_bounce_at is None
    assert "0 hard bounce(s)" in capsys.readouterr().out


def test_a_bounce_with_a_bad_signature_is_ignored(maildir, capsys):
    rosa = SubscriberFactory(email="rosa@example.org")
    delivery = sent_delivery(rosa)
    genuine = return_path(delivery.pk)
    local, _at, domain = genuine.partition("@")
    forged = local[:-1] + ("0" if local[-1] != "0" else "1") + "@" + domain
    # Another delivery's number with this one's signature does not pass either.
    other = genuine.replace(f"+{delivery.pk}-", f"+{delivery.pk + 1}-")
    deliver(
        maildir,
        dsn("rosa@example.org", "failed", "5.1.1", to=forged),
        dsn("rosa@example.org", "failed", "5.1.1", to=other),
    )

    run(maildir)

    assert status_of("rosa@example.org") == Subscriber.Status.SUBSCRIBED
    assert "2 ignored" in capsys.readouterr().out


def test_a_signed_bounce_counts_only_for_a_message_that_was_sent(maildir):
    rosa = SubscriberFactory(email="rosa@example.org")
    never_sent = sent_delivery(rosa, status=Delivery.Status.FAILED)
    deliver(
        maildir,
        dsn("rosa@example.org", "failed", "5.1.1", to=return_path(never_sent.pk)),
    )

    run(maildir)

    assert status_of("rosa@example.org") == Subscriber.Status.SUBSCRIBED


def test_a_bounce_counts_for_the_delivery_whatever_address_it_names(maildir):
    """The return path says whose message it was; a report naming someone
    else (forwarding, or a trick) cannot move the bounce to them."""
    rosa = SubscriberFactory(email="rosa@example.org")
    ana = SubscriberFactory(email="ana@example.org")
    delivery = sent_delivery(rosa)
    deliver(
        maildir,
        dsn("ana@example.org", "failed", "5.1.1", to=return_path(delivery.pk)),
    )

    run(maildir)

    assert status_of(rosa.email) == Subscriber.Status.BOUNCED
    assert status_of(ana.email) == Subscriber.Status.SUBSCRIBED


def test_a_bounce_found_by_the_envelope_recipient_header(maildir):
    rosa = SubscriberFactory(email="rosa@example.org")
    report = dsn("rosa@example.org", "failed", "5.1.1", to="postmaster@example.net")
    report["Delivered-To"] = return_path(sent_delivery(rosa).pk)
    deliver(maildir, report)

    run(maildir)

    assert status_of(rosa.email) == Subscriber.Status.BOUNCED


def test_a_missing_maildir_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("process_bounces", str(tmp_path / "nowhere"))
