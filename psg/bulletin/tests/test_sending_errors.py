"""What sending does when one message or the mail server goes wrong, against
a real SMTP server (aiosmtpd) answering 421, 451, 452, 554 or nothing at the
chosen moment: one bad row fails and the rest go; trouble with the server
stops the run, which is tried again later; a message whose answer never came
is never sent again by itself (docs/bulletin.md, "When sending goes wrong").
"""

import asyncio
import datetime
from collections import Counter

import pytest

from django.utils import timezone

from psg.bulletin import sending
from psg.bulletin.models import Delivery, Edition, Subscriber
from psg.bulletin.tests.subscriber_factories import SubscriberFactory
from psg.core.tests.task_queue import waiting

pytestmark = pytest.mark.django_db

# A domain Python's IDNA codec refuses (a private-use character): Django's
# email validator let such addresses in before they were checked on save.
UNENCODABLE = "reader@exa\ue000mple.org"


class ScriptedHandler:
    """Accepts mail, except that ``answers`` maps (SMTP stage, n) to the reply
    given the n-th time (counting from 1) that stage is reached; at DATA, an
    ``("DATA", n): "timeout"`` answer takes longer than the client waits."""

    def __init__(self, answers=None, refuse_rcpt=None):
        self.answers = answers or {}
        self.refuse_rcpt = refuse_rcpt or {}
        self.seen = Counter()
        self.received = []

    def _scripted(self, stage):
        self.seen[stage] += 1
        return self.answers.get((stage, self.seen[stage]))

    async def handle_MAIL(self, server, session, envelope, address, options):  # noqa: N802
        if answer := self._scripted("MAIL"):
            return answer
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if answer := self._scripted("RCPT") or self.refuse_rcpt.get(address):
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        answer = self._scripted("DATA")
        if answer == "timeout":
            await asyncio.sleep(1.5)
            # The client has given up by now; the message is here all the same.
            self.received.extend(envelope.rcpt_tos)
            return "250 Accepted, too late"
        if answer:
            return answer
        self.received.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture
def readers(edition_to_send):
    return [SubscriberFactory(email=f"reader{n}@example.org") for n in range(5)]


def start(edition, capture):
    with capture(execute=True):
        sending.start_sending(edition)
    edition.refresh_from_db()


def statuses():
    return dict(Delivery.objects.values_list("email", "status"))


def test_an_address_that_cannot_be_encoded_fails_and_the_rest_go(
    edition_to_send,
    start_smtp_server,
    fast_sending,
    django_capture_on_commit_callbacks,
):
    handler = ScriptedHandler()
    start_smtp_server(handler)
    SubscriberFactory(email="ana@example.org")
    bad = SubscriberFactory(email="placeholder@example.org")
    SubscriberFactory(email="zoe@example.org")
    # Old data: the address went in before addresses were checked on save.
    Subscriber.objects.filter(pk=bad.pk).update(email=UNENCODABLE)

    start(edition_to_send, django_capture_on_commit_callbacks)

    assert sorted(handler.received) == ["ana@example.org", "zoe@example.org"]
    row = Delivery.objects.get(subscriber=bad)
    assert row.status == Delivery.Status.FAILED
    assert "UnicodeError" in row.last_error
    assert edition_to_send.status == Edition.Status.SENT
    progress = sending.progress(edition_to_send)
    assert (progress["sent"], progress["failed"], progress["waiting"]) == (2, 1, 0)


@pytest.mark.parametrize(
    "answers",
    [
        {("MAIL", 3): "451 4.7.1 Sending rate exceeded, try later"},
        {("MAIL", 3): "421 4.3.2 Service shutting down"},
        {("RCPT", 3): "421 4.3.2 Closing connection"},
        {("RCPT", 3): "452 4.5.3 Too many recipients"},
        {("RCPT", 3): "451 Local error in processing"},
        {("DATA", 3): "554 5.3.0 Transaction failed"},
        {("DATA", 3): "452 4.3.1 Insufficient system storage"},
    ],
    ids=["451-mail", "421-mail", "421-rcpt", "452-rcpt", "451-rcpt", "554", "452"],
)
def test_trouble_with_the_server_stops_the_run_and_fails_nobody(
    answers,
    edition_to_send,
    readers,
    start_smtp_server,
    fast_sending,
    django_capture_on_commit_callbacks,
):
    handler = ScriptedHandler(answers)
    start_smtp_server(handler)

    start(edition_to_send, django_capture_on_commit_callbacks)

    # Two went; the run stopped at the third; nobody is failed for it.
    assert handler.received == ["reader0@example.org", "reader1@example.org"]
    assert Counter(statuses().values()) == {"sent": 2, "pending": 3}
    assert edition_to_send.status == Edition.Status.SENDING
    assert edition_to_send.send_retries == 1
    assert edition_to_send.send_error[:3] == next(iter(answers.values()))[:3]
    assert not Delivery.objects.filter(attempts__gt=1).exists()

    # The next run (the server is fine again) sends the rest, each once.
    sending.run_batch(edition_to_send.pk)
    sending.run_batch(edition_to_send.pk)
    assert sorted(handler.received) == [reader.email for reader in readers]
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT
    assert edition_to_send.send_retries == 0
    assert edition_to_send.send_error == ""


def test_the_retry_waits_longer_each_time(
    edition_to_send, readers, start_smtp_server, fast_sending, database_tasks
):
    fast_sending.PSG_BULLETIN_RETRY_DELAY = 60
    fast_sending.PSG_BULLETIN_RETRY_MAX = 200
    busy = {("MAIL", n): "421 4.3.2 Busy" for n in (1, 2, 3)}
    start_smtp_server(ScriptedHandler(busy))
    sending.start_sending(edition_to_send)

    delays = []
    for _attempt in range(3):
        before = timezone.now()
        sending.run_batch(edition_to_send.pk)
        edition_to_send.refresh_from_db()
        assert edition_to_send.status == Edition.Status.SENDING
        delays.append((edition_to_send.send_retry_at - before).total_seconds())
    # 60 s, then twice that, then no more than the cap.
    assert [round(delay) for delay in delays] == [60, 120, 200]
    # The retry waits in the task queue for then.
    assert any(
        abs((retry.run_after - edition_to_send.send_retry_at).total_seconds()) < 1
        for retry in waiting(sending.send_batch)
    )


def test_a_run_due_before_the_retry_time_waits_for_it(
    edition_to_send, readers, start_smtp_server, fast_sending, database_tasks
):
    handler = ScriptedHandler({("MAIL", 1): "421 4.3.2 Busy"})
    start_smtp_server(handler)
    sending.start_sending(edition_to_send)
    sending.run_batch(edition_to_send.pk, 0)
    edition_to_send.refresh_from_db()
    generation = edition_to_send.send_generation

    # The spare of the failed run comes early: it leaves the turn to the retry.
    assert sending.run_batch(edition_to_send.pk, generation)["skipped_run"]
    assert handler.received == []
    Edition.objects.filter(pk=edition_to_send.pk).update(
        send_retry_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    sending.run_batch(edition_to_send.pk, generation)
    assert len(handler.received) == 2  # a batch


def test_a_recipient_refused_for_now_is_tried_later_and_others_go(
    edition_to_send,
    readers,
    start_smtp_server,
    fast_sending,
    django_capture_on_commit_callbacks,
):
    handler = ScriptedHandler(
        refuse_rcpt={"reader2@example.org": "450 4.2.1 Mailbox busy, try later"}
    )
    start_smtp_server(handler)

    start(edition_to_send, django_capture_on_commit_callbacks)

    assert sorted(handler.received) == [
        reader.email for reader in readers if reader.email != "reader2@example.org"
    ]
    row = Delivery.objects.get(email="reader2@example.org")
    # Tried three times in all, then failed for good; the edition finishes.
    assert row.status == Delivery.Status.FAILED
    assert row.attempts == sending.MAX_ATTEMPTS
    assert row.last_error.startswith("450")
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT


def test_a_recipients_own_refusal_fails_only_that_recipient(
    edition_to_send,
    readers,
    start_smtp_server,
    fast_sending,
    django_capture_on_commit_callbacks,
):
    handler = ScriptedHandler(
        refuse_rcpt={"reader1@example.org": "550 5.1.1 No such user"}
    )
    start_smtp_server(handler)

    start(edition_to_send, django_capture_on_commit_callbacks)

    assert len(handler.received) == 4
    assert statuses()["reader1@example.org"] == Delivery.Status.FAILED
    assert Delivery.objects.get(email="reader1@example.org").attempts == 1
    assert edition_to_send.status == Edition.Status.SENT


def test_no_answer_after_the_message_leaves_one_row_unknown_never_resent(
    edition_to_send,
    readers,
    start_smtp_server,
    fast_sending,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_TIMEOUT = 0.5
    handler = ScriptedHandler({("DATA", 3): "timeout"})
    start_smtp_server(handler)

    start(edition_to_send, django_capture_on_commit_callbacks)

    assert Counter(statuses().values()) == {"sent": 2, "unknown": 1, "pending": 2}
    assert statuses()["reader2@example.org"] == Delivery.Status.UNKNOWN
    assert edition_to_send.status == Edition.Status.SENDING

    # Later runs, even long after, send the rest and not that one again.
    Delivery.objects.filter(email="reader2@example.org").update(
        claimed_at=timezone.now() - datetime.timedelta(days=1)
    )
    sending.run_batch(edition_to_send.pk)
    sending.run_batch(edition_to_send.pk)
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT
    # Everyone else once; the unknown one at most once (the server may or
    # may not have kept it after the client gave up).
    copies = Counter(handler.received)
    assert copies.pop("reader2@example.org", 0) <= 1
    assert copies == {reader.email: 1 for reader in readers if reader != readers[2]}
    assert statuses()["reader2@example.org"] == Delivery.Status.UNKNOWN
    assert sending.progress(edition_to_send)["unknown"] == 1


def test_a_server_that_cannot_be_reached_fails_nobody(
    edition_to_send, readers, settings, fast_sending, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "psg.core.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    settings.EMAIL_USE_TLS = False

    start(edition_to_send, django_capture_on_commit_callbacks)

    assert set(statuses().values()) == {Delivery.Status.PENDING}
    assert not Delivery.objects.filter(attempts__gt=0).exists()
    assert edition_to_send.status == Edition.Status.SENDING
    assert "ConnectionRefusedError" in edition_to_send.send_error


def test_the_progress_page_says_the_send_is_paused_and_why(
    admin_client,
    edition_to_send,
    readers,
    start_smtp_server,
    fast_sending,
    django_capture_on_commit_callbacks,
):
    start_smtp_server(ScriptedHandler({("MAIL", 1): "421 4.3.2 Service busy"}))
    start(edition_to_send, django_capture_on_commit_callbacks)

    page = admin_client.get(f"/admin/bulletin/editions/sending/{edition_to_send.pk}/")

    text = " ".join(page.content.decode().split())
    assert "Paused: the mail server answered “421 4.3.2 Service busy”" in text
    assert "Nobody was failed for it" in text
