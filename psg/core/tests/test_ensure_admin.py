"""`ensure_admin`: the first admin account, created once and announced once."""

import io
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

ANNOUNCEMENT = re.compile(
    r"^Admin account created: http://127\.0\.0\.1:(\d+)/admin/ "
    r"user (\S+), password (\S+)$"
)


@pytest.fixture(autouse=True)
def environment(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    monkeypatch.delenv("PORT", raising=False)


def ensure_admin(*args, **options):
    out = io.StringIO()
    call_command("ensure_admin", *args, stdout=out, **options)
    return out.getvalue()


def test_creates_one_superuser_and_prints_its_password_once():
    output = ensure_admin()
    lines = output.strip().splitlines()
    assert len(lines) == 2
    port, username, password = ANNOUNCEMENT.match(lines[0]).groups()
    assert port == "8000"
    user = get_user_model().objects.get()
    assert user.is_superuser and user.is_staff
    assert user.username == username
    assert user.email == "admin@localhost"
    assert len(password) >= 16
    assert user.check_password(password)


def test_the_first_username_cannot_be_guessed():
    first = ANNOUNCEMENT.match(ensure_admin().splitlines()[0]).group(2)
    get_user_model().objects.all().delete()
    second = ANNOUNCEMENT.match(ensure_admin().splitlines()[0]).group(2)
    assert first != second
    assert re.fullmatch(r"admin-[0-9a-f]{8}", first)


def test_the_operator_is_told_the_first_sign_in_sets_up_two_factor():
    output = ensure_admin()
    assert "The first sign-in asks you to set up two-factor sign-in" in output
    assert "authenticator app" in output


def test_a_second_call_prints_nothing_and_creates_nothing():
    ensure_admin()
    assert ensure_admin() == ""
    assert ensure_admin(verbosity=2).strip() == (
        "A superuser exists already; no account created."
    )
    assert get_user_model().objects.count() == 1


def test_an_existing_superuser_of_any_name_is_enough():
    get_user_model().objects.create_superuser("maria", "maria@example.org", "x")
    assert ensure_admin() == ""
    assert get_user_model().objects.get().username == "maria"


def test_the_port_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("PORT", "8123")
    assert "http://127.0.0.1:8123/admin/" in ensure_admin()


def test_username_and_email_options():
    output = ensure_admin("--username", "editor", "--email", "web@example.org")
    assert "user editor, password " in output
    user = get_user_model().objects.get()
    assert (user.username, user.email) == ("editor", "web@example.org")


def test_a_password_from_the_environment_is_used_and_not_printed(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "correct-horse-battery")
    output = ensure_admin()
    assert "correct-horse-battery" not in output
    assert output.splitlines()[0].endswith(", password from DJANGO_SUPERUSER_PASSWORD")
    assert get_user_model().objects.get().check_password("correct-horse-battery")


def test_refuses_to_promote_an_ordinary_user_of_that_name():
    get_user_model().objects.create_user("admin", "admin@example.org", "x")
    with pytest.raises(CommandError, match="not a superuser"):
        ensure_admin("--username", "admin")
    assert not get_user_model().objects.filter(is_superuser=True).exists()
