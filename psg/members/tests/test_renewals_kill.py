"""Kill the task worker (SIGKILL) in the middle of the renewals job, run it
again, and every member due a reminder has exactly one.

Everything real, as in psg/bulletin/tests/test_sending_kill.py: a SQLite
file, the database task backend, `manage.py db_worker` in its own process
and an SMTP server (aiosmtpd) that takes 10 ms over each MAIL command, so the
worker is mid-send when it is killed. The reminder it had in flight is
claimed and unsent; once the claim is older than PSG_RENEWALS_STALE_AFTER the
next run sends it (see psg.members.renewals).
"""

import os
import signal
import subprocess
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller

from psg.bulletin.tests.test_sending_kill import SlowRecordingHandler
from psg.core.tests.processes import MANAGE, ROOT, free_port, manage, site_env, wait_for
from psg.core.tests.services import migrated_sqlite

pytestmark = pytest.mark.worker

MEMBERS = 150
KILL_AFTER = 40

SETUP = f"""
import datetime
from django.utils import timezone
from psg.members.models import Member
from psg.members.tests.factories import MemberFactory, membership_type

end = timezone.localdate() + datetime.timedelta(days=20)
kind = membership_type("Individual")
for n in range({MEMBERS}):
    MemberFactory(
        email=f"member{{n}}@example.org", status=Member.Status.ACTIVE,
        current_period_end=end, membership_type=kind,
    )
"""
ENQUEUE = "from psg.members.tasks import run_renewals; run_renewals.enqueue()"


def test_a_killed_renewals_run_leaves_each_member_one_reminder(tmp_path):
    handler = SlowRecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    env = site_env(
        tmp_path,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="0",
        PSG_RENEWALS_STALE_AFTER="2",
    )
    worker_command = [
        *MANAGE,
        "db_worker",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.1",
    ]
    workers = []
    try:
        migrated_sqlite(env)
        manage(env, "shell", "-c", SETUP)
        manage(env, "shell", "-c", ENQUEUE)
        workers.append(subprocess.Popen(worker_command, env=env, cwd=ROOT))  # noqa: S603
        wait_for(lambda: handler.count() >= KILL_AFTER, 30, "the first reminders")
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait()
        assert handler.count() < MEMBERS, "the run finished before it was killed"

        time.sleep(2.5)  # the killed run's claim is now stale
        manage(env, "shell", "-c", ENQUEUE)
        workers.append(subprocess.Popen(worker_command, env=env, cwd=ROOT))  # noqa: S603
        expected = {f"member{n}@example.org" for n in range(MEMBERS)}
        wait_for(
            lambda: {to for to, _id in handler.received} >= expected,
            40,
            "every member's reminder",
        )
        time.sleep(0.5)  # anything sent twice would arrive now
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(10)
        controller.stop()

    copies = Counter(recipient for recipient, _id in handler.received)
    # The one window (see psg.members.renewals): a kill between the server's
    # 250 and the UPDATE that records it; at most one reminder per kill.
    duplicated = [recipient for recipient, count in copies.items() if count > 1]
    assert len(duplicated) <= 1, duplicated
    assert set(copies) == expected
