"""Two sign-ups for the same new address at the same moment, each on its own
database connection (PostgreSQL, two threads): both look the address up and
find nothing, then both insert. Both people see "check your email", nothing
is lost, and no IntegrityError reaches anyone (it was a 500).

The threads meet at a barrier just after the look-up, so the race happens
every run, not by chance."""

import threading

import pytest

from django.db import connection
from django.test import Client

from psg.bulletin import subscriptions
from psg.bulletin.models import Subscriber
from psg.members.join import applications
from psg.members.models import JoinApplication, Member
from psg.members.tests.join_helpers import confirm_path
from psg.members.tests.join_helpers import submit as submit_join

from .test_subscribe import SENT_URL
from .test_subscribe import submit as submit_subscribe

pytestmark = [
    # Real transactions, with the migrations' data (the site, the series)
    # put back for each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'",
        reason="two real connections at once: PostgreSQL",
    ),
]


def at_once(monkeypatch, module, name, post):
    """Run ``post(client, ip)`` in two threads that both pass ``module.name``
    (the look-up) before either goes on; return both responses."""
    barrier = threading.Barrier(2, timeout=20)
    look_up = getattr(module, name)
    waited = threading.local()

    def look_up_together(*args, **kwargs):
        found = look_up(*args, **kwargs)
        if not getattr(waited, "once", False):  # the first look-up only
            waited.once = True
            barrier.wait()
        return found

    monkeypatch.setattr(module, name, look_up_together)
    responses = [None, None]

    def run(index):
        try:
            responses[index] = post(Client(), f"10.0.0.{index + 1}")
        except Exception as error:  # the 500, as the test client raises it
            responses[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    monkeypatch.setattr(module, name, look_up)
    return responses


def test_two_bulletin_sign_ups_at_once(monkeypatch, smtp_server, site):
    responses = at_once(
        monkeypatch,
        subscriptions,
        "find_subscriber",
        lambda client, ip: submit_subscribe(client, ip=ip, email="same@example.org"),
    )

    for response in responses:
        assert not isinstance(response, Exception), response
        assert response.status_code == 302
        assert response["Location"] == SENT_URL
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "same@example.org"
    assert len(smtp_server.messages) == 2


def test_two_join_forms_at_once(monkeypatch, smtp_server, site):
    responses = at_once(
        monkeypatch,
        applications,
        "find_member",
        lambda client, ip: submit_join(client, ip=ip, email="same@example.org"),
    )

    for response in responses:
        assert not isinstance(response, Exception), response
        assert response.status_code == 302
    # Both applications are kept; whichever link is followed first makes the
    # member and the other says it is done already.
    assert JoinApplication.objects.count() == 2
    client = Client()
    first, second = (confirm_path(message) for message in smtp_server.messages)
    assert client.post(first).status_code == 302
    assert "already" in client.post(second).content.decode().lower()
    assert Member.objects.filter(email="same@example.org").count() == 1
