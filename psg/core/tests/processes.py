"""Running the site's own commands in subprocesses for the end-to-end tests
(backups, faults survived): each on its own SQLite file or PostgreSQL
database, with its own MEDIA_ROOT."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[3]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(host, port, timeout=1.0):
    try:
        socket.create_connection((host, port), timeout).close()
    except OSError:
        return False
    return True


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"Timed out waiting for {what}")


def site_env(var_dir, database_url=None, **extra):
    """The environment of a site whose files live in ``var_dir``: SQLite there
    unless ``database_url`` names another database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "psg.settings.worker_test",
        "PSG_VAR_DIR": str(var_dir),
        "BASE_URL": "http://testserver",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "PSG_BACKUP_KEY", "MEDIA_ROOT"):
        env.pop(name, None)
    env.update(extra)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def manage(env, *args, check=True):
    """Run ``manage.py *args``; the CompletedProcess (output as text)."""
    result = subprocess.run(  # noqa: S603
        [*MANAGE, *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result


@pytest.fixture
def scratch_postgres():
    """``make(create=True)``: the URL of a fresh PostgreSQL database on the
    machine's server (psg_ops_<random>), made empty or left for the code under
    test to create; every one is dropped after the test."""
    if not answers("127.0.0.1", 5432):
        pytest.skip("no PostgreSQL server answers on 127.0.0.1:5432")
    names = []

    def make(create=True):
        names.append(f"psg_ops_{uuid.uuid4().hex[:12]}")
        if create:
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as db:
                db.execute(f'CREATE DATABASE "{names[-1]}"')
        return f"{PG_SERVER}/{names[-1]}"

    yield make
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as db:
        for name in names:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
