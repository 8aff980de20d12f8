"""Unconfirmed join applications are deleted after 30 days."""

import datetime
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import timezone

from psg.members.join.applications import confirm_token, create_application
from psg.members.models import JoinApplication
from psg.members.tasks import purge_join_applications, run_renewals

pytestmark = pytest.mark.django_db


def application(days_old, email=None):
    email = email or f"applicant{days_old}@example.org"
    made = create_application(email, {"email": email})
    made.created_at = timezone.now() - datetime.timedelta(days=days_old)
    made.save()
    return made


def purge():
    out = StringIO()
    call_command("purge_join_applications", stdout=out)
    return out.getvalue()


def test_the_command_deletes_applications_unconfirmed_after_30_days():
    old = [application(31), application(90)]
    kept = [application(0), application(29), application(29.9)]

    output = purge()

    assert output == ("Deleted 2 unconfirmed join application(s) older than 30 days.\n")
    remaining = set(JoinApplication.objects.values_list("pk", flat=True))
    assert remaining == {app.pk for app in kept}
    assert not remaining & {app.pk for app in old}


def test_purging_again_deletes_nothing_more():
    application(45)
    application(1)

    purge()
    output = purge()

    assert output.startswith("Deleted 0 ")
    assert JoinApplication.objects.count() == 1


def test_the_task_purges_too_and_says_how_many():
    application(31)
    application(40)
    application(2)

    result = purge_join_applications.enqueue()

    assert result.return_value == 2
    assert purge_join_applications.enqueue().return_value == 0
    assert JoinApplication.objects.count() == 1


def test_an_application_purged_before_its_link_is_used_offers_to_start_again(
    client,
):
    old = application(31, email="late@example.org")
    path = f"/join/confirm/{confirm_token(old)}/"
    purge()

    response = client.get(path)

    # (In life the link expired long before, after 3 days: the same page.)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_the_daily_task_also_purges_stale_applications(db):

    old = JoinApplication.objects.create(email="old@example.org", data={})
    JoinApplication.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    fresh = JoinApplication.objects.create(email="new@example.org", data={})

    result = run_renewals.call()

    assert result["purged_applications"] == 1
    assert list(JoinApplication.objects.values_list("pk", flat=True)) == [fresh.pk]
