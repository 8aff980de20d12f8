"""Dumping and restoring the database behind a backup.

SQLite through the online backup API (``sqlite3.Connection.backup``), which
copies a consistent snapshot while the site and the task worker keep writing;
PostgreSQL through ``pg_dump --format=custom`` and ``pg_restore``, choosing
client tools whose major version is at least the server's (pg_dump refuses a
newer server). See docs/deployment.md#backups.
"""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


def vendor(alias="default"):
    return connections[alias].vendor


def dump_file_name(alias="default"):
    return {"sqlite": SQLITE_FILE, "postgresql": POSTGRES_FILE}.get(vendor(alias))


def describe(alias="default"):
    """Which database this is, for the manifest and the messages."""
    connection = connections[alias]
    info = {"vendor": connection.vendor, "name": str(connection.settings_dict["NAME"])}
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        info["server_version"] = connection.pg_version
        info["host"] = connection.settings_dict.get("HOST") or "local socket"
    return info


# SQLite -----------------------------------------------------------------


def dump_sqlite(target, alias="default"):
    source = sqlite3.connect(connections[alias].settings_dict["NAME"], timeout=20)
    copy = sqlite3.connect(target)
    try:
        # Small steps let the site's writers go on between them; SQLite starts
        # the copy again if one of them changed a page already copied.
        source.backup(copy, pages=256)
    finally:
        copy.close()
        source.close()


def restore_sqlite(dump, alias="default"):
    target = Path(connections[alias].settings_dict["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    connections[alias].close()
    source = sqlite3.connect(dump)
    copy = sqlite3.connect(target, timeout=20)
    try:
        # Replaces every page of the target in one transaction.
        source.backup(copy)
    finally:
        copy.close()
        source.close()


# PostgreSQL -------------------------------------------------------------


def _tool_major(path):
    output = subprocess.run(  # noqa: S603 (a PostgreSQL client tool, no shell)
        [path, "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else 0


def find_tool(name, server_major):
    """The path of client tool ``name`` (pg_dump, pg_restore) fit for a server
    of ``server_major``: the same major version if there is one, else the
    newest newer one. Looks in PSG_PG_BIN_DIR, then PATH, then Debian's
    /usr/lib/postgresql/*/bin."""
    candidates = []
    if getattr(settings, "PSG_PG_BIN_DIR", ""):
        candidates.append(os.path.join(settings.PSG_PG_BIN_DIR, name))
    if shutil.which(name):
        candidates.append(shutil.which(name))
    candidates += sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    found = {}
    for path in candidates:
        if os.access(path, os.X_OK):
            found.setdefault(_tool_major(path), path)
    if server_major in found:
        return found[server_major]
    newer = [major for major in found if major > server_major]
    if newer:
        return found[max(newer)]
    if not found:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools "
            f"(Debian: apt-get install postgresql-client-{server_major}) or set "
            "PSG_PG_BIN_DIR to the directory that holds them."
        )
    raise BackupError(
        f"{name} {max(found)} is older than the PostgreSQL server "
        f"({server_major}) and cannot work with it. Install "
        f"postgresql-client-{server_major} or set PSG_PG_BIN_DIR."
    )


def _pg_environment(alias):
    config = connections[alias].settings_dict
    env = {**os.environ}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if config.get(key):
            env[variable] = str(config[key])
    if config.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = config["OPTIONS"]["sslmode"]
    return env


def _run(command, alias):
    result = subprocess.run(  # noqa: S603 (a PostgreSQL client tool, no shell)
        command, env=_pg_environment(alias), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(
            f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}"
        )
    return result


def server_major(alias="default"):
    connection = connections[alias]
    connection.ensure_connection()
    return connection.pg_version // 10000


def dump_postgres(target, alias="default"):
    """pg_dump the database into ``target``; returns the tool's version line."""
    tool = find_tool("pg_dump", server_major(alias))
    _run(
        [
            tool,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            f"--dbname={connections[alias].settings_dict['NAME']}",
        ],
        alias,
    )
    return _run([tool, "--version"], alias).stdout.strip()


def ensure_postgres_database(alias="default"):
    """Create the configured database if it does not exist yet."""
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")


def restore_postgres(dump, replace, alias="default"):
    """pg_restore ``dump`` in one transaction; ``replace`` drops what the dump
    holds first (the --force case)."""
    tool = find_tool("pg_restore", server_major(alias))
    connections[alias].close()
    command = [
        tool,
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={connections[alias].settings_dict['NAME']}",
    ]
    if replace:
        command += ["--clean", "--if-exists"]
    _run([*command, str(dump)], alias)


# Either -----------------------------------------------------------------


def table_names(alias="default"):
    """The tables the configured database holds (creating an absent
    PostgreSQL database, and no SQLite file)."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        if (
            not connection.is_in_memory_db()
            and not Path(connection.settings_dict["NAME"]).exists()
        ):
            return []
    else:
        ensure_postgres_database(alias)
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def row_counts(alias="default"):
    """{table: rows} of the restored database, for the summary."""
    connection = connections[alias]
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(
                # The name comes from the database's own catalogue.
                f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608
            )
            counts[table] = cursor.fetchone()[0]
    return counts
