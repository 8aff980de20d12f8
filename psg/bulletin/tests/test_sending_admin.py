"""The admin's sending pages: test, confirm and send, watch the progress."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from psg.bulletin.models import BulletinSeries, Delivery, Edition, Subscriber
from psg.bulletin.sending import start_sending
from psg.bulletin.tests.factories import EditionFactory
from psg.bulletin.tests.subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(client):
    user = user_in("Editors", "editor")
    client.force_login(user)
    return user


@pytest.fixture
def moderator(client):
    user = user_in("Moderators", "moderator")
    client.force_login(user)
    return user


def test_send_page_counts_the_recipients_of_the_series(
    client, moderator, edition_to_send
):
    SubscriberFactory.create_batch(3)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(series=[BulletinSeries.objects.get(slug="peru-news")])
    send_url = reverse("bulletin_editions:send", args=[edition_to_send.pk])
    confirm_url = reverse("bulletin_editions:send_confirm", args=[edition_to_send.pk])

    page = client.get(send_url)
    confirm = client.get(confirm_url)

    assert page.status_code == confirm.status_code == 200
    assert "3 subscribers of Update will receive it." in page.content.decode()
    assert f'href="{confirm_url}"' in page.content.decode()
    text = " ".join(confirm.content.decode().split())
    assert "Send Update 120 — 22 November 2026 to 3 subscribers of Update now?" in text
    assert "Yes, send to 3 subscribers" in text
    # Looking at the confirmation sends nothing.
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.DRAFT


def test_a_test_goes_to_an_allowed_address_and_is_not_a_delivery(
    client, editor, edition_to_send, smtp_server, settings
):
    settings.PSG_BULLETIN_TEST_ADDRESSES = ["proofreader@example.net"]
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


def test_a_test_to_a_bad_address_is_refused_with_a_message(
    client, editor, edition_to_send, smtp_server
):
    url = reverse("bulletin_editions:send", args=[edition_to_send.pk])

    response = client.post(url, {"email": "not an address"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert smtp_server.messages == []


def test_sending_to_subscribers_then_the_progress(
    client, moderator, edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(3)
    url = reverse("bulletin_editions:send_confirm", args=[edition_to_send.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    progress_url = reverse("bulletin_editions:sending", args=[edition_to_send.pk])
    assert response.status_code == 302
    assert response.url == progress_url
    assert len(smtp_server.messages) == 3

    page = client.get(progress_url).content.decode()
    assert "Sending to 3 subscribers has begun." in page
    assert "Sent on" in page
    assert 'http-equiv="refresh"' not in page
    assert "Delivered to the mail server</th><td>3</td>" in page

    # Sending again is refused, with the reason.
    again = client.post(url, follow=True)
    assert "This edition is sent already." in again.content.decode()
    assert len(smtp_server.messages) == 3


def test_progress_refreshes_while_sending(
    client, moderator, edition_to_send, django_capture_on_commit_callbacks
):
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


def test_the_editions_listing_does_not_query_per_edition(client, moderator):
    update = BulletinSeries.objects.get(slug="update")
    url = reverse("bulletin_editions:index")

    def queries_after_adding(count):
        EditionFactory.create_batch(count, series=update)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode().count("Update ")

    client.get(url)  # what each worker keeps (psg.core.structure) is read
    few, shown_few = queries_after_adding(2)
    many, shown_many = queries_after_adding(10)

    assert shown_many > shown_few
    assert many == few
