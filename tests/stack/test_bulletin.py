"""The bulletin's exactly-once with two task workers on two app nodes: an
edition sent to a few hundred subscribers reaches each exactly once, through
a real SMTP server, though both workers take batches of it at the same time
(three extra runs are queued, as an editor's "resume" would, so the two
workers race for the same rows)."""

import time

import pytest

pytestmark = pytest.mark.stack

SUBSCRIBERS = 300

SEND = """
from django.utils import timezone
from psg.bulletin.models import BulletinSeries, Edition, Subscriber, Subscription
from psg.bulletin.sending import send_batch, start_sending

series = BulletinSeries.objects.get(slug="update")
readers = Subscriber.objects.bulk_create(
    Subscriber(email=f"stack{{n}}@example.org", name=f"Reader {{n}}",
               status=Subscriber.Status.SUBSCRIBED)
    for n in range({count})
)
Subscription.objects.bulk_create(
    Subscription(subscriber=reader, series=series) for reader in readers
)
edition = Edition(series=series, number=series.next_number(), date=timezone.localdate())
edition.save()
edition.compose_from_latest()
start_sending(edition)
for _ in range(3):
    send_batch.enqueue(edition.pk, None)
print(edition.pk)
"""

PROGRESS = """
from django_tasks_db.models import DBTaskResult
from psg.bulletin.models import Delivery
deliveries = Delivery.objects.filter(edition_id={edition})
runs = DBTaskResult.objects.filter(
    task_path__endswith="send_batch", status="SUCCESSFUL"
)
workers = {{worker for run in runs for worker in run.worker_ids}}
print(deliveries.count(), deliveries.filter(status="sent").count(), len(workers))
"""


def test_two_workers_send_each_subscriber_exactly_one_message(smtp_sink, shell):
    _, sink = smtp_sink
    edition = shell(SEND.format(count=SUBSCRIBERS))

    def ours():
        with sink.lock:
            return {
                address: count
                for address, count in sink.recipients.items()
                if address.startswith("stack")
            }

    deadline = time.monotonic() + 180
    while len(ours()) < SUBSCRIBERS and time.monotonic() < deadline:
        time.sleep(1)
    # A duplicate would come after the last first delivery: wait for stragglers.
    time.sleep(5)
    received = ours()
    assert len(received) == SUBSCRIBERS
    assert set(received.values()) == {1}, {a: n for a, n in received.items() if n > 1}
    deliveries, sent, workers = map(
        int, shell(PROGRESS.format(edition=edition)).split()
    )
    assert deliveries == sent >= SUBSCRIBERS
    # Both nodes' workers took part.
    assert workers == 2
