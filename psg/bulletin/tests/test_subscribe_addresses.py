"""Crafted addresses on the bulletin sign-up form, and two sign-ups for the
same new address at once: a message beside the field or the usual "check
your email" page, never a 500, never two rows."""

import re

import pytest

from psg.bulletin import subscriptions
from psg.bulletin.models import Subscriber

from .subscriber_factories import SubscriberFactory
from .test_subscribe import SENT_URL, submit

pytestmark = pytest.mark.django_db

# The message beside the field (its apostrophe is escaped in the page).
DOMAIN_ERROR = "domain cannot be used for email. Check the part after the @."


@pytest.mark.parametrize(
    "address", ["lucia@ex\ue000ample.org", "lucia@" + "b" * 60 + "ñ.org"]
)
def test_a_domain_that_cannot_be_encoded_is_refused_beside_the_field(
    client, smtp_server, site, address
):
    response = submit(client, email=address, name="Lucía Huamán")

    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(r'id="id_email_error">(.*?)</p>', html, re.S)
    assert error and DOMAIN_ERROR in error.group(1)
    assert 'value="Lucía Huamán"' in html
    assert Subscriber.objects.count() == 0
    assert smtp_server.messages == []


def test_an_invisible_character_does_not_make_a_second_subscriber(
    client, smtp_server, site
):
    SubscriberFactory(email="lucia@example.org")

    response = submit(client, email="lucia@exa\u200bmple.org")

    assert response.status_code == 302
    assert Subscriber.objects.count() == 1


def test_a_unicode_domain_is_kept_in_its_ascii_form(client, smtp_server, site):
    submit(client, email="lucia@bücher.example")

    assert Subscriber.objects.get().email == "lucia@xn--bcher-kva.example"


def test_two_sign_ups_at_once_for_a_new_address_both_get_the_sent_page(
    client, smtp_server, site, monkeypatch
):
    """The second request looks the address up before the first inserts it,
    then inserts too: the unique constraint refuses it, and it is answered
    as the first was."""
    looked_up = subscriptions.find_subscriber

    def lookup_then_lose_the_race(email):
        found = looked_up(email)
        if found is None:
            # The other request inserts its row between our check and insert.
            Subscriber.objects.create(email=email, name="First")
        return found

    monkeypatch.setattr(subscriptions, "find_subscriber", lookup_then_lose_the_race)

    response = submit(client, email="new@example.org", name="Second")

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "new@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    # The confirmation link went out for the row that exists.
    [received] = smtp_server.messages
    assert received["to"] == ["new@example.org"]
