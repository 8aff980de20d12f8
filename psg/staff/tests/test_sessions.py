"""A staff session lasts a working day, not Django's two weeks."""

import time

import pytest

from django.conf import settings as django_settings

from psg.staff.sessions import SIGNED_IN_AT_KEY
from psg.staff.tests.helpers import LOGIN, PASSWORD, code_for, editor, enrolled

pytestmark = pytest.mark.django_db


def test_the_session_cookie_lives_at_most_twelve_hours():
    assert 8 * 3600 <= django_settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_remember_me_keeps_the_cookie_a_working_day_not_two_weeks(client):
    user = editor()
    response = client.post(
        LOGIN, {"username": "editor", "password": PASSWORD, "remember": "on"}
    )
    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == django_settings.SESSION_COOKIE_AGE
    assert user.pk


def test_without_remember_me_the_session_ends_with_the_browser(client):
    editor()
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert not response.cookies[django_settings.SESSION_COOKIE_NAME]["max-age"]


def test_a_staff_session_older_than_allowed_must_sign_in_again(client, settings):
    settings.PSG_STAFF_SESSION_HOURS = 10
    user = editor()
    device = enrolled(user)
    client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    client.post("/admin/two-factor/verify/", {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200

    session = client.session
    session[SIGNED_IN_AT_KEY] = time.time() - 10 * 3600 - 60
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
