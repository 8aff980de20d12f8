"""The admin's sending pages: test, confirm and send, watch the progress."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from psg.bulletin.models import Delivery, Edition, Subscriber
from psg.bulletin.tests.subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("editor", password="x" * 12)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_send_page_counts_the_recipients(client, editor, edition_to_send):
    SubscriberFactory.create_batch(3)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    response = client.get(reverse("bulletin_editions:send", args=[edition_to_send.pk]))
    assert response.status_code == 200
    assert "Yes, send to 3 subscribers" in response.content.decode()


def test_a_test_goes_to_any_address_and_is_not_a_delivery(
    client, editor, edition_to_send, smtp_server
):
    SubscriberFactory()
    url = reverse("bulletin_editions:send", args=[edition_to_send.pk])
    response = client.post(url, {"email": "proofreader@example.net"})
    assert response.status_code == 302
    [received] = smtp_server.messages
    assert received["to"] == ["proofreader@example.net"]
    assert received["message"]["Subject"].startswith("[TEST] Update 120")
    assert not Delivery.objects.exists()
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.DRAFT


def test_sending_to_subscribers_then_the_progress(
    client, editor, edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(3)
    url = reverse("bulletin_editions:send", args=[edition_to_send.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"send_to_subscribers": "1"})
    progress_url = reverse("bulletin_editions:sending", args=[edition_to_send.pk])
    assert response.status_code == 302
    assert response.url == progress_url
    assert len(smtp_server.messages) == 3

    page = client.get(progress_url).content.decode()
    assert "Sent on" in page
    assert 'http-equiv="refresh"' not in page
    assert "Delivered to the mail server</th><td>3</td>" in page

    # Sending again is refused.
    client.post(url, {"send_to_subscribers": "1"})
    assert len(smtp_server.messages) == 3


def test_progress_refreshes_while_sending(
    client, editor, edition_to_send, django_capture_on_commit_callbacks
):
    from psg.bulletin.sending import start_sending

    SubscriberFactory.create_batch(4)
    with django_capture_on_commit_callbacks(execute=False):
        start_sending(edition_to_send)  # the worker has not started yet
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(status="sent")
    response = client.get(
        reverse("bulletin_editions:sending", args=[edition_to_send.pk])
    )
    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "Sending: 1 of 4 sent (25%)." in page
    assert "Resume sending" in page
