"""Subscriber addresses are personal data: only the membership secretary and
superusers reach them in the admin, never editors or anonymous visitors."""

import pytest

from django.urls import reverse

from psg.members.tests.factories import editor_user, secretary_user

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber():
    return SubscriberFactory(email="lucia@example.org")


def urls(subscriber):
    return [
        reverse("bulletin_subscribers:index"),
        reverse("bulletin_subscribers:index_results"),
        reverse("bulletin_subscribers:add"),
        reverse("bulletin_subscribers:edit", args=[subscriber.pk]),
        reverse("bulletin_subscribers:inspect", args=[subscriber.pk]),
        reverse("bulletin_subscribers:delete", args=[subscriber.pk]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, subscriber):
    for url in urls(subscriber):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_editors_are_refused_and_see_no_menu(client, subscriber):
    client.force_login(editor_user())
    for url in urls(subscriber):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"lucia@example.org" not in response.content, url
    response = client.post(reverse("bulletin_subscribers:delete", args=[subscriber.pk]))
    subscriber.refresh_from_db()
    assert "Subscribers" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("who", ["secretary", "superuser"])
def test_the_secretary_and_superusers_see_subscribers(
    client, subscriber, admin_user, who
):
    client.force_login(secretary_user() if who == "secretary" else admin_user)
    for url in urls(subscriber):
        assert client.get(url).status_code == 200, url
    index = client.get(reverse("bulletin_subscribers:index")).content.decode()
    assert "lucia@example.org" in index
    assert "Subscribers" in client.get("/admin/").content.decode()


def test_the_list_filters_by_status_and_finds_bouncing_addresses(client, admin_user):
    SubscriberFactory(email="fine@example.org")
    SubscriberFactory(email="gone@example.org", status="bounced")
    client.force_login(admin_user)
    index = reverse("bulletin_subscribers:index")

    bounced = client.get(index, {"status": "bounced"}).content.decode()
    found = client.get(index, {"q": "fine@"}).content.decode()

    assert "gone@example.org" in bounced
    assert "fine@example.org" not in bounced
    assert "fine@example.org" in found
    assert "gone@example.org" not in found
