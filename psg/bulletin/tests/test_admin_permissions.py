"""Who may do what in the bulletin's admin.

Editors compose editions and send tests; sending to the subscribers needs
``bulletin.send_edition``, which the moderators and the membership secretary
hold. Anonymous visitors and users without bulletin permissions reach none
of the bulletin's admin pages.
"""

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from psg.bulletin.models import BulletinSeries, Delivery, Edition
from psg.bulletin.signals import grant_editors_edition_permissions
from psg.members.tests.factories import secretary_user

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SEND = "bulletin.send_edition"


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def group_has_send(name):
    return (
        Group.objects.get(name=name)
        .permissions.filter(content_type__app_label="bulletin", codename="send_edition")
        .exists()
    )


def page_text(response):
    return " ".join(response.content.decode().split())


def assert_refused(client, response):
    """The admin's answer to a page one may not use: back to the dashboard,
    with a message saying so."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert "you do not have permission" in page_text(client.get("/admin/"))


def admin_urls(edition, subscriber):
    """Every bulletin admin page, with the method that uses it."""
    series = edition.series
    return [
        ("get", reverse("bulletin_editions:index")),
        ("get", reverse("bulletin_editions:add")),
        ("get", reverse("bulletin_editions:edit", args=[edition.pk])),
        ("get", reverse("bulletin_editions:delete", args=[edition.pk])),
        ("get", reverse("bulletin_editions:preview", args=[edition.pk])),
        ("post", reverse("bulletin_editions:compose", args=[edition.pk])),
        ("get", reverse("bulletin_editions:send", args=[edition.pk])),
        ("post", reverse("bulletin_editions:send", args=[edition.pk])),
        ("get", reverse("bulletin_editions:send_confirm", args=[edition.pk])),
        ("post", reverse("bulletin_editions:send_confirm", args=[edition.pk])),
        ("get", reverse("bulletin_editions:sending", args=[edition.pk])),
        ("post", reverse("bulletin_editions:sending", args=[edition.pk])),
        ("get", reverse("bulletin_series:index")),
        ("get", reverse("bulletin_series:add")),
        ("get", reverse("bulletin_series:edit", args=[series.pk])),
        ("get", reverse("bulletin_series:delete", args=[series.pk])),
        ("get", reverse("bulletin_subscribers:index")),
        ("get", reverse("bulletin_subscribers:add")),
        ("get", reverse("bulletin_subscribers:edit", args=[subscriber.pk])),
        ("get", reverse("bulletin_subscribers:inspect", args=[subscriber.pk])),
        ("get", reverse("bulletin_subscribers:delete", args=[subscriber.pk])),
    ]


def test_the_permission_is_there_for_moderators_and_the_secretary_only():
    permission = Permission.objects.get(
        content_type__app_label="bulletin", codename="send_edition"
    )

    assert permission.name == "Can send editions to subscribers"
    assert group_has_send("Moderators")
    assert group_has_send("Membership secretary")
    assert not group_has_send("Editors")
    assert user_in("Moderators", "moderator").has_perm(SEND)
    assert secretary_user().has_perm(SEND)
    editor = user_in("Editors", "editor")
    assert not editor.has_perm(SEND)
    assert editor.has_perm("bulletin.change_edition")


def test_granting_again_after_a_migrate_still_leaves_editors_out():
    grant_editors_edition_permissions(
        sender=None, app_config=apps.get_app_config("bulletin")
    )
    grant_editors_edition_permissions(
        sender=None, app_config=apps.get_app_config("bulletin")
    )

    assert not group_has_send("Editors")
    assert group_has_send("Moderators")
    assert group_has_send("Membership secretary")


def test_an_editor_composes_and_tests_but_cannot_send(
    client, edition_to_send, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.PSG_BULLETIN_TEST_ADDRESSES = ["@example.net"]
    SubscriberFactory.create_batch(2)
    client.force_login(user_in("Editors", "editor"))
    edit_url = reverse("bulletin_editions:edit", args=[edition_to_send.pk])
    send_url = reverse("bulletin_editions:send", args=[edition_to_send.pk])
    confirm_url = reverse("bulletin_editions:send_confirm", args=[edition_to_send.pk])

    edit_page = page_text(client.get(edit_url))
    compose = client.post(
        reverse("bulletin_editions:compose", args=[edition_to_send.pk])
    )
    send_page = client.get(send_url)
    test = client.post(send_url, {"email": "proofreader@example.net"})
    with django_capture_on_commit_callbacks(execute=True):
        assert_refused(client, client.get(confirm_url))
        assert_refused(client, client.post(confirm_url))

    assert compose.status_code == 302
    assert compose["Location"] == edit_url
    # The edit page offers a test, not "Send…".
    assert "Send a test…" in edit_page
    assert "Send…" not in edit_page
    assert send_page.status_code == 200
    assert "Send the test" in page_text(send_page)
    assert confirm_url not in send_page.content.decode()
    assert "Send to subscribers…" not in page_text(send_page)
    assert "ask one of them to send it" in page_text(send_page)
    assert test.status_code == 302
    assert [message["to"] for message in smtp_server.messages] == [
        ["proofreader@example.net"]
    ]
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.DRAFT
    assert not Delivery.objects.exists()


def test_an_editor_cannot_resume_a_send(client, edition_to_send):
    Edition.objects.filter(pk=edition_to_send.pk).update(status=Edition.Status.SENDING)
    client.force_login(user_in("Editors", "editor"))
    url = reverse("bulletin_editions:sending", args=[edition_to_send.pk])

    page = client.get(url)

    assert page.status_code == 200
    assert "Resume sending" not in page_text(page)
    assert_refused(client, client.post(url))


def test_a_moderator_sends(
    client, edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(2)
    client.force_login(user_in("Moderators", "moderator"))
    edit_page = page_text(
        client.get(reverse("bulletin_editions:edit", args=[edition_to_send.pk]))
    )
    confirm_url = reverse("bulletin_editions:send_confirm", args=[edition_to_send.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url)

    assert "Send…" in edit_page
    assert response.status_code == 302
    assert len(smtp_server.messages) == 2
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT


def test_the_secretary_finds_previews_and_sends_but_does_not_edit(
    client, edition_to_send, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory.create_batch(2)
    client.force_login(secretary_user())
    send_url = reverse("bulletin_editions:send", args=[edition_to_send.pk])
    confirm_url = reverse("bulletin_editions:send_confirm", args=[edition_to_send.pk])

    index = client.get(reverse("bulletin_editions:index"))
    preview = client.get(
        reverse("bulletin_editions:preview", args=[edition_to_send.pk])
    )
    send_page = client.get(send_url)
    assert_refused(
        client, client.get(reverse("bulletin_editions:edit", args=[edition_to_send.pk]))
    )
    assert_refused(client, client.post(send_url, {"email": "someone@example.net"}))
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(confirm_url)

    assert index.status_code == 200
    assert "Update 120" in page_text(index)
    assert send_url in index.content.decode()
    assert preview.status_code == 200
    assert "Mining conflict in Espinar" in page_text(preview)
    assert send_page.status_code == 200
    assert "Send the test" not in page_text(send_page)
    assert confirm_url in send_page.content.decode()
    assert sent.status_code == 302
    assert sorted(len(message["to"]) for message in smtp_server.messages) == [1, 1]
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT


def test_anonymous_visitors_reach_no_bulletin_admin_page(
    client, edition_to_send, smtp_server
):
    subscriber = SubscriberFactory(email="lucia@example.org")

    for method, url in admin_urls(edition_to_send, subscriber):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith("/admin/login/"), (method, url)

    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.DRAFT
    assert edition_to_send.items.count() == 2
    assert smtp_server.messages == []


def test_a_user_without_bulletin_permissions_reaches_none(
    client, edition_to_send, smtp_server
):
    subscriber = SubscriberFactory(email="lucia@example.org")
    user = get_user_model().objects.create_user("reader", password="x" * 12)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    client.force_login(user)

    for method, url in admin_urls(edition_to_send, subscriber):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403), (method, url)
        if response.status_code == 302:
            assert "/bulletin/" not in response["Location"], (method, url)
        content = response.content.decode()
        assert "lucia@example.org" not in content, (method, url)
        assert "Mining conflict in Espinar" not in content, (method, url)

    assert "Bulletin" not in page_text(client.get("/admin/"))
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.DRAFT
    assert edition_to_send.items.count() == 2
    assert BulletinSeries.objects.filter(slug="update").exists()
    assert smtp_server.messages == []
