"""Sending an edition through a real SMTP server: each subscriber once."""

import time

import pytest

from psg.bulletin import sending
from psg.bulletin.models import Delivery, Edition, Subscriber, delivery_message_id
from psg.bulletin.tests.factories import EditionFactory
from psg.bulletin.tests.subscriber_factories import SubscriberFactory
from psg.bulletin.unsubscribe import unsubscribe_url
from psg.bulletin.verp import return_path

pytestmark = pytest.mark.django_db


def send(edition, capture):
    with capture(execute=True):
        return sending.start_sending(edition)


def by_recipient(messages):
    result = {}
    for received in messages:
        for address in received["to"]:
            result.setdefault(address, []).append(received["message"])
    return result


def test_every_subscriber_gets_the_edition_once(
    edition_to_send, smtp_server, fast_sending, django_capture_on_commit_callbacks
):
    readers = SubscriberFactory.create_batch(5)
    SubscriberFactory(email="gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(email="bouncing@example.org", status=Subscriber.Status.BOUNCED)
    SubscriberFactory(email="unconfirmed@example.org", status=Subscriber.Status.PENDING)

    assert send(edition_to_send, django_capture_on_commit_callbacks) == 5

    received = by_recipient(smtp_server.messages)
    assert sorted(received) == sorted(reader.email for reader in readers)
    for reader in readers:
        [message] = received[reader.email]
        assert message["Subject"] == "Update 120 — 22 November 2026"
        assert message["From"] == "PSG Update <info@perusupportgroup.org.uk>"
        assert message["Reply-To"] == "editor@perusupportgroup.org.uk"
        assert message["Date"]
        assert message["Message-ID"] == delivery_message_id(
            edition_to_send.pk, reader.pk
        )
        # A long header may be folded onto its own line: compare unfolded.
        unsubscribe = str(message["List-Unsubscribe"]).strip()
        assert unsubscribe == f"<{unsubscribe_url(reader, edition_to_send.series)}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert unsubscribe_url(reader, edition_to_send.series) in text
        assert unsubscribe_url(reader, edition_to_send.series) in html
        assert "Mining conflict in Espinar" in html
        assert 'style="' in html and "<style" not in html

    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT
    assert edition_to_send.sent_at is not None
    deliveries = Delivery.objects.filter(edition=edition_to_send)
    assert deliveries.count() == 5
    assert set(deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert all(delivery.sent_at for delivery in deliveries)


def test_an_address_with_accents_before_the_at_gets_the_edition(
    edition_to_send, smtp_server, fast_sending, django_capture_on_commit_callbacks
):
    reader = SubscriberFactory(email="josé@ejemplo.pe")
    SubscriberFactory(email="ana@example.org")

    assert send(edition_to_send, django_capture_on_commit_callbacks) == 2

    received = by_recipient(smtp_server.messages)
    assert sorted(received) == ["ana@example.org", "josé@ejemplo.pe"]
    [message] = received["josé@ejemplo.pe"]
    assert message["Subject"] == "Update 120 — 22 November 2026"
    html = message.get_body(("html",)).get_content()
    assert unsubscribe_url(reader, edition_to_send.series) in html
    assert Delivery.objects.get(email="josé@ejemplo.pe").status == Delivery.Status.SENT


def test_running_the_task_again_sends_nothing_more(
    edition_to_send, smtp_server, fast_sending, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(3)
    send(edition_to_send, django_capture_on_commit_callbacks)
    assert len(smtp_server.messages) == 3

    sending.send_batch.enqueue(edition_to_send.pk, None)
    sending.send_batch.enqueue(edition_to_send.pk, 0)
    sending.run_batch(edition_to_send.pk)
    assert len(smtp_server.messages) == 3


def test_a_second_start_is_refused(
    edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    send(edition_to_send, django_capture_on_commit_callbacks)
    with pytest.raises(sending.SendingRefused):
        sending.start_sending(edition_to_send)
    assert len(smtp_server.messages) == 1


def test_an_edition_without_items_is_not_sent(smtp_server):
    SubscriberFactory()
    edition = EditionFactory()
    with pytest.raises(sending.SendingRefused):
        sending.start_sending(edition)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT
    assert not Delivery.objects.exists()


def test_a_pending_row_left_by_a_dead_run_is_sent_by_the_next(
    edition_to_send, smtp_server, fast_sending, django_capture_on_commit_callbacks
):
    """Rows left pending or long in "sending" go; sent ones never again."""
    readers = SubscriberFactory.create_batch(3)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(edition_to_send)  # the task never runs
    rows = {row.subscriber_id: row for row in Delivery.objects.all()}
    Delivery.objects.filter(pk=rows[readers[0].pk].pk).update(
        status=Delivery.Status.SENT
    )
    Delivery.objects.filter(pk=rows[readers[1].pk].pk).update(
        status=Delivery.Status.SENDING,
        claimed_at="2020-01-01T00:00:00Z",  # a worker died sending it, long ago
    )

    sending.send_batch.enqueue(edition_to_send.pk, 0)

    assert sorted(by_recipient(smtp_server.messages)) == sorted(
        [readers[1].email, readers[2].email]
    )
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT


def test_an_outdated_run_does_nothing(
    edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(edition_to_send)
    Edition.objects.filter(pk=edition_to_send.pk).update(send_generation=5)
    result = sending.run_batch(edition_to_send.pk, 4)
    assert result["skipped_run"]
    assert smtp_server.messages == []


class _RejectingHandler:
    """Accepts mail, but answers 550 to one recipient."""

    def __init__(self, rejected):
        self.rejected = rejected
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address == self.rejected:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


@pytest.fixture
def rejecting_smtp_server(start_smtp_server):
    handler = _RejectingHandler("nobody@example.org")
    start_smtp_server(handler)
    return handler


def test_a_refused_recipient_fails_and_the_rest_go(
    edition_to_send,
    rejecting_smtp_server,
    fast_sending,
    django_capture_on_commit_callbacks,
):
    SubscriberFactory(email="a@example.org")
    SubscriberFactory(email="nobody@example.org")
    SubscriberFactory(email="z@example.org")

    send(edition_to_send, django_capture_on_commit_callbacks)

    assert rejecting_smtp_server.messages == [["a@example.org"], ["z@example.org"]]
    failed = Delivery.objects.get(email="nobody@example.org")
    assert failed.status == Delivery.Status.FAILED
    assert failed.last_error.startswith("550")
    assert "No such mailbox" in failed.last_error
    assert failed.sent_at is None
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT
    progress = sending.progress(edition_to_send)
    assert (progress["total"], progress["sent"], progress["failed"]) == (3, 2, 1)


def test_someone_who_unsubscribes_meanwhile_is_skipped(
    edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    stays, leaves = SubscriberFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=False):
        sending.start_sending(edition_to_send)
    leaves.status = Subscriber.Status.UNSUBSCRIBED
    leaves.save()
    sending.send_batch.enqueue(edition_to_send.pk, 0)
    assert sorted(by_recipient(smtp_server.messages)) == [stays.email]
    assert Delivery.objects.get(subscriber=leaves).status == Delivery.Status.SKIPPED
    assert sending.progress(edition_to_send)["unsubscribed"] == 1


def test_a_successful_send_resets_soft_bounces(
    edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    reader = SubscriberFactory(soft_bounce_count=2)
    send(edition_to_send, django_capture_on_commit_callbacks)
    reader.refresh_from_db()
    assert reader.soft_bounce_count == 0


def test_the_rate_paces_messages(
    edition_to_send, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.PSG_BULLETIN_RATE = 20  # one every 50 ms
    SubscriberFactory.create_batch(5)
    started = time.monotonic()
    send(edition_to_send, django_capture_on_commit_callbacks)
    assert time.monotonic() - started >= 0.2  # four intervals at least
    assert len(smtp_server.messages) == 5


def test_each_message_has_its_own_signed_return_path(
    edition_to_send, smtp_server, fast_sending, django_capture_on_commit_callbacks
):
    """Bounces come back to the delivery's signed address (psg.bulletin.verp);
    the From header stays the organisation's."""
    SubscriberFactory.create_batch(3)
    send(edition_to_send, django_capture_on_commit_callbacks)

    for received in smtp_server.messages:
        [address] = received["to"]
        delivery = Delivery.objects.get(email=address)
        assert received["from"] == return_path(delivery.pk)
        assert received["from"].startswith(f"bounces+{delivery.pk}-")
        assert received["from"].endswith("@perusupportgroup.org.uk")
        assert (
            received["message"]["From"] == "PSG Update <info@perusupportgroup.org.uk>"
        )
