"""Wrong passwords at the admin's sign-in lock out that user from that address.

After AXES_FAILURE_LIMIT failures the pair is paused for AXES_COOLOFF_TIME,
the page says until when, the right password does not help meanwhile, and
other users and other addresses are not affected. A superuser can lift it.
"""

import pytest
from axes.models import AccessAttempt

from django.urls import reverse

from psg.staff.tests.helpers import (
    LOGIN,
    PASSWORD,
    editor,
    enrolled,
    secretary,
    sign_in,
    superuser,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3


def fail(client, user, times, **extra):
    return [sign_in(client, user, "wrong password", **extra) for _ in range(times)]


def signs_in(response):
    return response.status_code == 302


def is_locked_out_page(response):
    text = response.content.decode()
    return response.status_code == 429 and "Try again in" in text


def test_repeated_failures_lock_out_then_the_right_password_fails(client):
    user = editor()
    first, second, third = fail(client, user, 3)
    assert first.status_code == second.status_code == 200
    assert "didn&#x27;t match" in first.content.decode()
    assert is_locked_out_page(third)
    assert "Sign-in paused" in third.content.decode()

    response = sign_in(client, user)
    assert is_locked_out_page(response)
    assert "_auth_user_id" not in client.session


def test_other_users_and_other_addresses_are_not_affected(client):
    locked, other = editor(), secretary()
    fail(client, locked, 3)
    assert signs_in(sign_in(client, other))
    client.logout()
    assert signs_in(sign_in(client, locked, REMOTE_ADDR="192.0.2.7"))


def test_a_header_the_client_sends_does_not_change_its_address(client):
    user = editor()
    for number in range(3):
        sign_in(client, user, "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert is_locked_out_page(sign_in(client, user))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "127.0.0.1"
    }


def test_behind_a_trusted_proxy_its_header_names_the_client(client, settings):
    settings.PSG_TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    user = editor()
    fail(client, user, 3, HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9")
    assert is_locked_out_page(sign_in(client, user, HTTP_X_FORWARDED_FOR="203.0.113.9"))
    # Another reader behind the same proxy is someone else.
    assert signs_in(sign_in(client, user, HTTP_X_FORWARDED_FOR="203.0.113.10"))


def test_a_lockout_ends_after_the_cool_off(client, settings):
    user = editor()
    fail(client, user, 3)
    past = AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=past)
    assert signs_in(sign_in(client, user))


def test_a_superuser_sees_the_lockouts_and_unlocks_one(client):
    user = editor()
    fail(client, user, 3)
    boss = superuser()
    admin = client_class_like(client)
    admin.force_login(boss)

    listing = admin.get(reverse("sign_in_lockouts:index"))
    assert listing.status_code == 200
    assert "editor" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="editor")
    unlock = reverse("sign_in_lockouts:delete", args=[attempt.pk])
    page = admin.get(unlock)
    assert "Lift the pause on signing in as" in page.content.decode()
    assert admin.post(unlock).status_code == 302
    assert not AccessAttempt.objects.exists()

    assert signs_in(sign_in(client, user))


def test_staff_who_are_not_superusers_cannot_unlock(client):
    user = secretary()
    enrolled(user)
    client.force_login(user)
    response = client.get(reverse("sign_in_lockouts:index"))
    assert response.status_code in (302, 403)
    assert "sign_in_lockouts" not in response.get("Location", "")


def test_the_password_is_not_kept_in_the_attempt_record(client):
    fail(client, editor(), 1)
    assert PASSWORD not in AccessAttempt.objects.get().post_data
    assert "wrong password" not in AccessAttempt.objects.get().post_data


def client_class_like(client):
    return type(client)()


def test_the_login_page_itself_is_unchanged_for_a_first_visit(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
