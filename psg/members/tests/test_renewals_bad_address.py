"""One member whose stored address no mail library can encode (old data,
stored before addresses were checked) does not stop the daily job: the
others get their reminders over real SMTP, the job finishes and the purge
after it runs."""

import datetime

import pytest

from django.utils import timezone

from psg.members.models import JoinApplication, Member, RenewalReminder
from psg.members.tasks import run_renewals
from psg.members.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

BAD_ADDRESS = "broken@ex\ue000ample.org"


def test_a_member_with_an_unencodable_address_does_not_stop_the_daily_job(
    smtp_server, site
):
    end = timezone.localdate() + datetime.timedelta(days=30)
    first, broken, last = (
        MemberFactory(
            status=Member.Status.ACTIVE,
            current_period_end=end,
            email=f"member{n}@example.org",
        )
        for n in (1, 2, 3)
    )
    # Stored as old data could be: past every check.
    Member.objects.filter(pk=broken.pk).update(email=BAD_ADDRESS)
    stale = JoinApplication.objects.create(email="old@example.org", data={})
    JoinApplication.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )

    result = run_renewals.enqueue()

    assert result.status == "SUCCESSFUL"
    assert result.return_value["sent"] == {"before": 2}
    assert result.return_value["failed"] == 1
    assert result.return_value["purged_applications"] == 1
    assert sorted(m["to"][0] for m in smtp_server.messages) == [
        "member1@example.org",
        "member3@example.org",
    ]
    assert not JoinApplication.objects.exists()
    failed = RenewalReminder.objects.get(member=broken)
    assert failed.sent_at is None
    assert failed.failed_at is not None
    assert "Error" in failed.last_error

    # The next run tries it again, and still sends the others nothing twice.
    again = run_renewals.enqueue()
    assert again.return_value["failed"] == 1
    assert again.return_value["sent"] == {}
    assert len(smtp_server.messages) == 2
    assert RenewalReminder.objects.filter(sent_at__isnull=False).count() == 2
