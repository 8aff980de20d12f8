"""Test sends are not a way to mail anyone: they go only to the admin users'
own addresses or those PSG_BULLETIN_TEST_ADDRESSES allows, at most so many
an hour per user (PSG_RATE_LIMITS["bulletin-test"]); an editor, a moderator,
the secretary (who may not send tests) and an anonymous visitor."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from psg.core.permissions import EDITORS_GROUP, MODERATORS_GROUP
from psg.members.tests.factories import secretary_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


def user_in(group_name, username, email=""):
    user = get_user_model().objects.create_user(
        username, email=email, password="x" * 12
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def page_text(response):
    return " ".join(response.content.decode().split())


@pytest.fixture
def send_url(edition_to_send):
    return reverse("bulletin_editions:send", args=[edition_to_send.pk])


@pytest.mark.parametrize("group", [EDITORS_GROUP, MODERATORS_GROUP])
def test_a_test_to_a_stranger_is_refused_beside_the_field(
    client, group, send_url, smtp_server
):
    client.force_login(user_in(group, "staff", "staff@perusupportgroup.org.uk"))

    response = client.post(send_url, {"email": "victim@example.com"})

    assert response.status_code == 200
    assert "Tests go only to the addresses of the people who use this admin" in (
        page_text(response)
    )
    assert 'value="victim@example.com"' in response.content.decode()
    assert smtp_server.messages == []


@pytest.mark.parametrize("group", [EDITORS_GROUP, MODERATORS_GROUP])
def test_a_test_to_an_admin_users_address_goes(client, group, send_url, smtp_server):
    client.force_login(user_in(group, "staff", "staff@perusupportgroup.org.uk"))
    user_in(EDITORS_GROUP, "colleague", "Colleague@Example.org")

    for address in ("staff@perusupportgroup.org.uk", "colleague@example.org"):
        assert client.post(send_url, {"email": address}).status_code == 302
    assert [received["to"] for received in smtp_server.messages] == [
        ["staff@perusupportgroup.org.uk"],
        ["colleague@example.org"],
    ]


def test_a_configured_address_or_domain_is_allowed(
    client, send_url, smtp_server, settings
):
    settings.PSG_BULLETIN_TEST_ADDRESSES = ["proof@example.net", "@trusted.org"]
    client.force_login(user_in(EDITORS_GROUP, "editor"))

    for address in ("proof@example.net", "anyone@trusted.org", "x@untrusted.org"):
        client.post(send_url, {"email": address})

    assert [received["to"] for received in smtp_server.messages] == [
        ["proof@example.net"],
        ["anyone@trusted.org"],
    ]


def test_at_most_so_many_tests_an_hour(client, send_url, smtp_server, settings):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "bulletin-test": "3/h"}
    editor = user_in(EDITORS_GROUP, "editor", "editor@perusupportgroup.org.uk")
    client.force_login(editor)

    answers = [
        client.post(send_url, {"email": editor.email}).status_code for _ in range(5)
    ]

    assert answers == [302, 302, 302, 200, 200]
    assert len(smtp_server.messages) == 3
    refused = client.post(send_url, {"email": editor.email})
    assert "as many tests as allowed in an hour" in page_text(refused)
    # Another user has their own allowance.
    client.force_login(user_in(MODERATORS_GROUP, "moderator", "mod@example.org"))
    assert client.post(send_url, {"email": "mod@example.org"}).status_code == 302


def test_the_secretary_and_visitors_send_no_tests(client, send_url, smtp_server):
    secretary = secretary_user()
    client.force_login(secretary)
    response = client.post(send_url, {"email": secretary.email})
    assert response.status_code in (302, 403)
    client.logout()
    response = client.post(send_url, {"email": "secretary@example.org"})
    assert "/login/" in response["Location"]
    assert smtp_server.messages == []
