"""The mail server goes away in the middle of a send and comes back: the
worker waits, tries again, and finishes the edition, each subscriber once.

Everything real, as in test_sending_kill.py: a SQLite file, `manage.py
db_worker` in its own process, an SMTP server (aiosmtpd) stopped and started
again on the same port while the worker sends.
"""

import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller

from .test_sending_kill import (
    ROOT,
    SETUP,
    SUBSCRIBERS,
    SlowRecordingHandler,
    edition_status,
    free_port,
    wait_for,
)

pytestmark = pytest.mark.worker

DOWN_AFTER = 100
DOWN_FOR = 3  # seconds


def delivery_statuses(database):
    with sqlite3.connect(database) as db:
        return dict(
            db.execute(
                "SELECT email, status FROM bulletin_delivery ORDER BY email"
            ).fetchall()
        )


def test_the_edition_finishes_when_the_server_comes_back(tmp_path):
    handler = SlowRecordingHandler()
    port = free_port()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "psg.settings.worker_test",
        "PSG_VAR_DIR": str(tmp_path),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "BASE_URL": "http://testserver",
        "PSG_BULLETIN_BATCH_SIZE": "50",
        "PSG_BULLETIN_RATE": "0",
        "PSG_BULLETIN_STALE_AFTER": "30",
        "PSG_BULLETIN_RETRY_DELAY": "0.5",
        "PSG_BULLETIN_RETRY_MAX": "1",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    database = tmp_path / "db.sqlite3"
    worker = None
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603
        subprocess.run([*manage, "shell", "-c", SETUP], env=env, cwd=ROOT, check=True)  # noqa: S603
        worker = subprocess.Popen(  # noqa: S603
            [*manage, "db_worker", "--no-reload", "--no-startup-delay"]
            + ["--interval", "0.1"],
            env=env,
            cwd=ROOT,
        )
        wait_for(lambda: handler.count() >= DOWN_AFTER, 30, "the first messages")
        server.stop()  # the server goes away mid-send
        down_at = handler.count()
        time.sleep(DOWN_FOR)
        assert handler.count() == down_at
        assert edition_status(database) == "sending"
        server = Controller(handler, hostname="127.0.0.1", port=port)
        server.start()  # and comes back on the same port
        wait_for(lambda: edition_status(database) == "sent", 20, "the edition sent")
    finally:
        if worker is not None and worker.poll() is None:
            worker.terminate()
            worker.wait(10)
        server.stop()

    assert down_at < SUBSCRIBERS, "the send finished before the server went"
    rows = delivery_statuses(database)
    copies = Counter(recipient for recipient, _id in handler.received)
    # Nobody was failed for the server's absence; each received it once.
    # Only a message whose answer the outage swallowed may be "unknown"
    # (never sent again by itself): at most one.
    unknown = [email for email, status in rows.items() if status == "unknown"]
    assert len(unknown) <= 1
    assert {status for status in rows.values()} <= {"sent", "unknown"}
    assert len(rows) == SUBSCRIBERS
    for email, status in rows.items():
        assert copies[email] == 1 or (status == "unknown" and copies[email] == 0)
