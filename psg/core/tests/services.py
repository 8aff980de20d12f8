"""Servers of our own for the fault tests: a PostgreSQL cluster (initdb into a
temporary directory, on a free port), a Redis server and gunicorn serving the
site. Each can be stopped and started again without touching the machine's
shared PostgreSQL and Redis, which other work uses."""

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .processes import ROOT, answers, free_port, manage, wait_for

# The migrated schema, dumped once per set of migrations: migrating takes
# 20-40 s on PostgreSQL, restoring the dump one.
SCHEMA_CACHE = ROOT / "var" / "test-cache"


def migrations_digest():
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("psg/**/migrations/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def migrated_sqlite(env):
    """Give the site of ``env`` a migrated SQLite database, from the cache."""
    cached = SCHEMA_CACHE / f"schema-{migrations_digest()}.sqlite3"
    target = Path(env["PSG_VAR_DIR"]) / "db.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not cached.exists():
        manage(env, "migrate", "-v0")
        SCHEMA_CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, f"{cached}.part")
        os.replace(f"{cached}.part", cached)
    shutil.copyfile(cached, target)


def migrated_postgres(env):
    """Give the empty PostgreSQL database of ``env`` the migrated schema, from
    the cache (pg_restore takes a second, migrating 20-40 s)."""
    url = env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
    dump = SCHEMA_CACHE / f"schema-{migrations_digest()}.pgdump"
    tools = postgres_bin()
    if not dump.exists():
        manage(env, "migrate", "-v0")
        SCHEMA_CACHE.mkdir(parents=True, exist_ok=True)
        _tool(tools / "pg_dump", "-Fc", "--no-owner", "-f", f"{dump}.part", url)
        os.replace(f"{dump}.part", dump)
        return
    _tool(tools / "pg_restore", "--no-owner", "--no-privileges", "-d", url, dump)


def _tool(*command):
    subprocess.run(list(map(str, command)), check=True, capture_output=True)  # noqa: S603


def postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    return Path(found[-1]).parent


def _as_postgres():
    """initdb and the server refuse to run as root: run them as postgres."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class OwnPostgres:
    """A PostgreSQL cluster of our own, fsync off (it is thrown away)."""

    def __init__(self):
        self.bin = postgres_bin()
        # Not under pytest's tmp_path: the postgres user cannot enter it.
        self.directory = Path(tempfile.mkdtemp(prefix="psg-test-postgres-"))
        self.data = self.directory / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self._run(
            "initdb",
            "-D",
            self.data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        self.start()

    def _run(self, tool, *args):
        subprocess.run(  # noqa: S603
            [*_as_postgres(), self.bin / tool, *map(str, args)],
            check=True,
            capture_output=True,
            cwd=self.directory,
        )

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/psg"

    def start(self):
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            self.data,
            "-o",
            options,
            "-l",
            self.directory / "log",
            "-w",
            "start",
        )
        wait_for(lambda: answers("127.0.0.1", self.port), 10, "PostgreSQL")

    def stop(self):
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def create_site_database(self, env):
        """Create database ``psg`` with the site's migrated schema."""
        self._client("createdb", "psg")
        migrated_postgres(env)

    def _client(self, tool, *args):
        subprocess.run(  # noqa: S603
            [
                self.bin / tool,
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                *map(str, args),
            ],
            check=True,
            capture_output=True,
        )

    def close(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class OwnRedis:
    """A Redis server of our own on a free port, nothing saved to disk."""

    def __init__(self):
        if not shutil.which("redis-server"):
            pytest.skip("redis-server is not installed")
        self.port = free_port()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: answers("127.0.0.1", self.port), 10, "Redis")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def close(self):
        if self.process.poll() is None:
            self.stop()


class Gunicorn:
    """The site served by gunicorn, as `make run` serves it (fewer workers)."""

    def __init__(self, env, workers=1, threads=2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "psg.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--timeout",
                "30",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_for(lambda: answers("127.0.0.1", self.port), 30, "gunicorn")

    def close(self):
        self.process.terminate()
        try:
            return self.process.communicate(timeout=10)[1].decode(errors="replace")
        except subprocess.TimeoutExpired:
            self.process.kill()
            return ""
