"""Subscribing at /bulletin/subscribe/: the form, the confirmation email over
real SMTP, the Confirm button (double opt-in), robots, floods, and an answer
that never tells whether an address is known."""

import re
import time

import pytest

from django.test import Client

from psg.bulletin.models import Subscriber
from psg.core.forms import started_token
from psg.core.tests.helpers import page_text, text_of
from psg.members.models import Consent
from psg.members.tests.factories import MemberFactory

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE_URL = "/bulletin/subscribe/"
SENT_URL = "/bulletin/subscribe/sent/"
CONFIRM_LINK = re.compile(
    r"http://testserver((?:/es)?/bulletin/subscribe/confirm/[^/\s\"<]+/)"
)


def form_data(**overrides):
    data = {
        "email": "lucia@example.org",
        "name": "Lucía Huamán",
        "website": "",
        "started": started_token(time.time() - 30),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, ip="127.0.0.1", **overrides):
    return client.post(SUBSCRIBE_URL, form_data(**overrides), REMOTE_ADDR=ip)


def confirm_path(received):
    match = CONFIRM_LINK.search(text_of(received))
    assert match, text_of(received)
    return match.group(1)


def test_the_form_is_private_and_carries_a_csrf_token(client, site):
    response = client.get(SUBSCRIBE_URL)

    assert response.status_code == 200
    assert "Get the bulletin" in page_text(response)
    assert "no-store" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_every_page_links_to_the_form_from_its_footer(client, home_page):
    response = client.get(home_page.url)

    assert f'href="{SUBSCRIBE_URL}"' in response.content.decode()


def test_signing_up_is_double_opt_in_over_smtp(client, smtp_server, site):
    response = submit(client)

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert "Check your email" in page_text(client.get(SENT_URL))
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.name == "Lucía Huamán"
    [received] = smtp_server.messages
    assert received["to"] == ["lucia@example.org"]
    message = received["message"]
    assert "Confirm your subscription" in message["Subject"]
    assert message.get_body(("html",)) is not None
    path = confirm_path(received)

    # Following the link (as a mail scanner does) changes nothing.
    page = client.get(path)
    assert page.status_code == 200
    assert "Press Confirm" in page_text(page)
    assert "no-store" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    done = client.post(path, follow=True)
    assert "You are subscribed" in page_text(done)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.confirmed_at is not None

    # Used again: nothing new, the same reassurance.
    again = client.post(path)
    assert "You are subscribed" in page_text(again)
    assert Subscriber.objects.count() == 1


def test_the_confirm_post_needs_a_csrf_token(smtp_server, site):
    submit(Client())
    path = confirm_path(smtp_server.messages[0])

    response = Client(enforce_csrf_checks=True).post(path)

    assert response.status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_altered_link_does_not_work(client, smtp_server, site):
    submit(client)
    path = confirm_path(smtp_server.messages[0])

    response = client.post(path[:-3] + "xx/")

    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_already_subscribed_address_gets_nothing_new(client, smtp_server, site):
    SubscriberFactory(email="lucia@example.org", name="Lucía")
    stranger = submit(client, email="new@example.org")

    known = submit(client, email="LUCIA@example.org", name="Someone else")

    assert known.status_code == stranger.status_code == 302
    assert known["Location"] == stranger["Location"] == SENT_URL
    assert Subscriber.objects.filter(email__iexact="lucia@example.org").count() == 1
    subscriber = Subscriber.objects.get(email="lucia@example.org")
    assert subscriber.name == "Lucía"
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    already = smtp_server.messages[1]
    assert already["to"] == ["LUCIA@example.org"] or already["to"] == [
        "lucia@example.org"
    ]
    assert "already subscribed" in text_of(already)
    assert "/bulletin/unsubscribe/" in text_of(already)
    assert not CONFIRM_LINK.search(text_of(already))


def test_an_unsubscribed_address_stays_so_until_confirmed(client, smtp_server, site):
    subscriber = SubscriberFactory(
        email="lucia@example.org", status=Subscriber.Status.UNSUBSCRIBED
    )

    submit(client)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    client.post(confirm_path(smtp_server.messages[0]))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.unsubscribed_at is None


def test_a_member_who_subscribes_gives_their_bulletin_consent(
    client, smtp_server, site
):
    member = MemberFactory(email="lucia@example.org")

    submit(client)
    client.post(confirm_path(smtp_server.messages[0]))

    member.refresh_from_db()
    assert member.bulletin_consent is True
    consent = member.consents.get(kind=Consent.Kind.BULLETIN)
    assert consent.given is True
    assert consent.source == Consent.Source.MEMBER
    assert consent.wording == "Send me the PSG bulletin by email."
    assert Subscriber.objects.get().member == member


def test_mistakes_are_shown_with_the_form(client, site):
    response = submit(client, email="not an address")

    assert response.status_code == 200
    assert "Enter an email address in the correct format" in page_text(response)
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"website": "http://spam.example"},
        {"started": None},
        {"started": "1700000000"},
    ],
    ids=["trap-field-filled", "no-start-time", "forged-start-time"],
)
def test_robots_are_told_it_worked_but_nothing_is_kept_or_sent(
    client, smtp_server, site, overrides
):
    response = submit(client, **overrides)

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_a_form_sent_back_too_fast_is_a_robots(client, smtp_server, site):
    response = submit(client, started=started_token())

    assert response["Location"] == SENT_URL
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_one_address_is_limited(client, smtp_server, site, settings):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "subscribe-email": "2/h"}
    for ip in ["10.0.0.1", "10.0.0.2"]:
        assert submit(client, ip=ip).status_code == 302

    response = submit(client, ip="10.0.0.3")

    assert response.status_code == 429
    assert response["Retry-After"]
    assert len(smtp_server.messages) == 2


def test_one_ip_address_is_limited(client, smtp_server, site, settings):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "subscribe-ip": "2/h"}
    for n in range(2):
        assert submit(client, email=f"r{n}@example.org").status_code == 302

    assert submit(client, email="r9@example.org").status_code == 429
    # Still blocked when it sends a broken form.
    assert submit(client, email="broken").status_code == 429
    assert len(smtp_server.messages) == 2


def test_a_mail_failure_keeps_nothing(client, site, settings):
    settings.EMAIL_BACKEND = "psg.core.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens here

    response = submit(client)

    assert response.status_code == 503
    assert not Subscriber.objects.exists()
