"""The join form against robots and floods: the trap field, the minimum fill
time and the rate limits. Caught submissions look like real ones."""

import time

import pytest

from psg.core.forms import started_token
from psg.core.tests.helpers import page_text
from psg.members.models import JoinApplication, Member
from psg.members.tests.factories import MemberFactory
from psg.members.tests.join_helpers import SENT_URL, form_data, submit

pytestmark = pytest.mark.django_db


def assert_looks_sent(response):
    assert response.status_code == 302
    assert response["Location"] == SENT_URL


@pytest.mark.parametrize(
    "overrides",
    [
        lambda: {"website": "http://spam.example"},
        lambda: {"started": started_token()},  # sent back at once
        lambda: {"started": started_token(time.time() - 2)},  # under 3 seconds
        lambda: {"started": None},  # no start time
        lambda: {"started": ""},
        lambda: {"started": "1700000000"},  # a forged one
        lambda: {"started": started_token(time.time() - 60)[:-2] + "xx"},  # altered
    ],
    ids=[
        "trap-field-filled",
        "instant",
        "two-seconds",
        "missing",
        "empty",
        "forged",
        "altered",
    ],
)
def test_robots_are_told_it_worked_but_nothing_is_kept_or_sent(
    client, smtp_server, overrides
):
    robot = submit(client, **overrides())
    person = submit(client, email="person@example.org")

    assert_looks_sent(robot)
    assert robot.content == person.content
    assert JoinApplication.objects.get().email == "person@example.org"
    [received] = smtp_server.messages
    assert received["to"] == ["person@example.org"]


def test_a_caught_robot_posing_as_a_member_sends_the_member_nothing(
    client, smtp_server
):
    MemberFactory(email="rosa@example.org")

    assert_looks_sent(submit(client, email="rosa@example.org", website="x"))
    assert smtp_server.messages == []
    assert Member.objects.count() == 1


def test_the_minimum_time_is_a_setting(client, smtp_server, settings):
    settings.PSG_JOIN_MIN_SECONDS = 120

    submit(client)  # filled in over a minute: still too fast now

    assert not JoinApplication.objects.exists()
    assert smtp_server.messages == []


def test_the_sixth_join_from_one_address_within_the_hour_is_refused(
    client, smtp_server, settings
):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "join-ip": "5/h"}

    for number in range(5):
        assert_looks_sent(submit(client, email=f"person{number}@example.org"))
    sixth = submit(client, email="person5@example.org")

    assert sixth.status_code == 429
    assert sixth["Retry-After"] == "3600"
    assert "Too many attempts" in page_text(sixth)
    assert JoinApplication.objects.count() == 5
    assert len(smtp_server.messages) == 5

    # Someone else, from another address, can still join.
    other = submit(client, email="other@example.org", ip="192.0.2.7")
    assert_looks_sent(other)


def test_corrections_do_not_count_but_a_blocked_address_stays_blocked(
    client, smtp_server, settings
):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "join-ip": "2/h"}

    for _ in range(5):
        assert submit(client, email="not an email").status_code == 200
    assert_looks_sent(submit(client, email="a@example.org"))
    assert_looks_sent(submit(client, email="b@example.org"))

    assert submit(client, email="not an email").status_code == 429
    assert submit(client, email="c@example.org").status_code == 429


def test_one_email_address_can_only_be_used_a_few_times_an_hour(
    client, smtp_server, settings
):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "join-email": "3/h"}

    for number in range(3):
        response = submit(client, email="rosa@example.org", ip=f"192.0.2.{number}")
        assert_looks_sent(response)
    fourth = submit(client, email="ROSA@example.org", ip="198.51.100.1")

    assert fourth.status_code == 429
    assert "Too many attempts" in page_text(fourth)
    assert len(smtp_server.messages) == 3


def test_the_limit_is_the_same_for_a_member_address(client, smtp_server, settings):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "join-email": "1/h"}
    MemberFactory(email="member@example.org")

    submit(client, email="member@example.org")
    submit(client, email="new@example.org", ip="192.0.2.1")
    member_again = submit(client, email="member@example.org", ip="192.0.2.2")
    new_again = submit(client, email="new@example.org", ip="192.0.2.3")

    assert member_again.status_code == new_again.status_code == 429
    assert member_again.content == new_again.content
    assert len(smtp_server.messages) == 2


def test_behind_a_trusted_proxy_the_forwarded_address_is_limited(
    client, smtp_server, settings
):
    settings.PSG_TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "join-ip": "1/h"}

    first = client.post(
        "/join/",
        form_data(email="a@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    second = client.post(
        "/join/",
        form_data(email="b@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.6",
    )
    third = client.post(
        "/join/",
        form_data(email="c@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )

    assert_looks_sent(first)
    assert_looks_sent(second)
    assert third.status_code == 429
