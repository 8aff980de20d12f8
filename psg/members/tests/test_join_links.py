"""Confirming a join: twice, late, with a damaged link, without the CSRF
token."""

import time

import pytest

from django.core import signing
from django.test import Client

from psg.core.tests.helpers import page_text
from psg.members.models import (
    Consent,
    JoinApplication,
    Member,
)
from psg.members.tests.join_helpers import (
    JOIN_URL,
    confirm_path,
    form_data,
    submit,
)
from psg.members.tokens import SIGNIN_SALT, make_token

pytestmark = pytest.mark.django_db


def test_confirming_twice_says_already_confirmed_and_creates_nothing_more(
    client, smtp_server
):
    submit(client)
    path = confirm_path(smtp_server.messages[0])
    client.post(path)

    again = client.post(path)
    opened_again = client.get(path)

    assert again.status_code == 200
    assert "You have already confirmed" in page_text(again)
    assert "You have already confirmed" in page_text(opened_again)
    assert Member.objects.count() == 1
    assert Consent.objects.count() == 2
    assert len(smtp_server.messages) == 2  # the link, the welcome; no more


def test_two_applications_then_both_links_make_one_member(client, smtp_server):
    submit(client)
    submit(client, name="Rosa Quispe")
    first, second = (confirm_path(received) for received in smtp_server.messages)

    client.post(second)
    opened = client.get(first)
    response = client.post(first)

    assert "You have already confirmed" in page_text(opened)
    assert "You have already confirmed" in page_text(response)
    member = Member.objects.get()
    assert member.name == "Rosa Quispe"
    assert not JoinApplication.objects.exists()


def test_an_expired_link_offers_to_start_again(client, smtp_server, settings):
    submit(client)
    path = confirm_path(smtp_server.messages[0])
    settings.PSG_JOIN_LINK_MAX_AGE = -1

    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        text = page_text(response)
        assert "This link has expired" in text
        assert 'href="/join/"' in response.content.decode()
        assert "Start again" in text
    assert not Member.objects.exists()


def test_a_link_four_days_old_has_expired(client, smtp_server, monkeypatch):
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 4 * 86400)
    submit(client)
    monkeypatch.setattr(signing.time, "time", lambda: now)

    response = client.post(confirm_path(smtp_server.messages[0]))

    assert response.status_code == 410
    assert not Member.objects.exists()
    assert JoinApplication.objects.count() == 1  # purged later, not now


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.replace("/confirm/", "/confirm/x"),
        lambda path: path[:-6] + "/",
        lambda path: "/join/confirm/not-a-token/",
        lambda path: "/join/confirm/" + make_token(SIGNIN_SALT, {"a": 1}) + "/",
    ],
    ids=["altered", "cut-short", "rubbish", "another-kind-of-link"],
)
def test_a_damaged_link_shows_a_helpful_page(client, smtp_server, damage):
    submit(client)
    path = damage(confirm_path(smtp_server.messages[0]))

    for response in (client.get(path), client.post(path)):
        assert response.status_code == 400
        text = page_text(response)
        assert "This link does not work" in text
        assert "check that you copied all of it" in text
    assert not Member.objects.exists()
    assert JoinApplication.objects.count() == 1


def test_a_purged_application_link_offers_to_start_again(client, smtp_server):
    submit(client)
    JoinApplication.objects.all().delete()

    response = client.post(confirm_path(smtp_server.messages[0]))

    assert response.status_code == 410
    assert "Start again" in page_text(response)
    assert not Member.objects.exists()


def test_confirming_needs_the_csrf_token(smtp_server):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(JOIN_URL)
    token = page.cookies["csrftoken"].value
    browser.post(JOIN_URL, {**form_data(), "csrfmiddlewaretoken": token})
    path = confirm_path(smtp_server.messages[0])

    assert browser.post(path).status_code == 403
    assert not Member.objects.exists()

    assert browser.post(path, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Member.objects.count() == 1


def test_joining_needs_the_csrf_token(smtp_server):
    response = Client(enforce_csrf_checks=True).post(JOIN_URL, form_data())

    assert response.status_code == 403
    assert not JoinApplication.objects.exists()
    assert smtp_server.messages == []


def test_an_old_done_page_points_to_the_welcome_email(client):
    response = client.get("/join/done/not-a-token/")

    assert response.status_code == 200
    assert "in the welcome email we sent you" in page_text(response)


def test_an_internationalised_domain_gets_its_email(client, smtp_server):
    submit(client, email="jose@Perú.example")
    client.post(confirm_path(smtp_server.messages[0]))

    assert Member.objects.get().email == "jose@xn--per-boa.example"  # the ASCII form
    assert [received["to"] for received in smtp_server.messages] == [
        ["jose@xn--per-boa.example"],
        ["jose@xn--per-boa.example"],
    ]
