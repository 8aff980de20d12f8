"""Benchmark: importing 20,000 legacy listing items with ``import_legacy``.

    make bench-import                                   # SQLite
    .venv/bin/python bench/import.py --items 20000 --database postgresql

Writes ``--items`` news items as legacy news listing exports (ten bulleted
items a file, newest first, each file ending with the site's sidebar, as
``tests/fixtures/seeds`` shows), with the text of bench/search.py's generator:
titles of 8-14 words, teasers of ~40 (a fifth longer than a teaser holds, so
the listing text is kept as the body), the region and topic names among the
words, "Letter from …" series, and dates over twenty years in the shapes older
listings used (bulletin prefixes, bare Update numbers, months only,
placeholders). Then, on a scratch site (SQLite in a temporary folder, or the
PostgreSQL database ``psg_bench_import`` created and dropped here), runs
``manage.py import_legacy`` twice in a process of its own with the site's
ordinary settings (search indexing goes to the task queue), and prints, per
run, its wall time and the peak resident memory of the import process:

    items=20000 seconds=… peak_rss_mib=…
    items=20000 seconds=… peak_rss_mib=… run=second

then the memory at 25/50/75/100% of each run (flat memory: these stay close)
and its CPU time,
and with ``--index`` the time the task worker takes to index what was queued.
"""

import argparse
import datetime
import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "psg_bench_import"
SEED = 20261202
PER_FILE = 10
SIDEBAR_FROM = ROOT / "psg/legacy/tests/fixtures/seeds/001_1c679d46c2b0d6df.txt"
MONTH_NAMES = [datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13)]


def load_search_bench():
    """bench/search.py as a module: its vocabulary and text writer."""
    spec = importlib.util.spec_from_file_location(
        "bench_search", ROOT / "bench/search.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sidebar():
    """The site's chrome that ends every listing export (from a real one)."""
    text = SIDEBAR_FROM.read_text(encoding="utf-8")
    return text[text.index("  • PSG Aims") :]


class DateLines:
    """Date lines in the shapes the legacy listings used, by age."""

    def __init__(self, rng):
        self.rng = rng
        self.update = 40  # the Update's number, rising with time

    def line(self, day):
        roll = self.rng.random()
        text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
        if roll < 0.005:
            return "31 December 1969"  # the old database's "no date"
        if roll < 0.03:
            return f"{MONTH_NAMES[day.month - 1]} {day.year}"
        if day.year < 2011 and roll < 0.2:
            if self.rng.random() < 0.5:
                self.update += 1
            # Older Updates numbered their items, with or without the name.
            if roll < 0.1:
                return f"Update {self.update}. {text}"
            return f"{self.update}{self.rng.choice(['.', ''])} {text}"
        return text


def generate(folder, count, rng):
    """Write ``count`` items as listing exports in ``folder``; returns the files."""
    search = load_search_bench()
    sys.path.insert(0, str(ROOT))
    from psg.taxonomy.vocabulary import REGIONS, TOPICS

    regions = [region[0] for region in REGIONS]
    words, cumulative = search.vocabulary(rng, regions, [topic[0] for topic in TOPICS])
    writer = search.Writer(rng, words, cumulative)
    dates = DateLines(rng)
    first_day = datetime.date(2006, 1, 1).toordinal()
    last_day = datetime.date(2025, 12, 31).toordinal()
    days = sorted(
        (rng.randint(first_day, last_day) for _ in range(count)), reverse=True
    )
    tail = sidebar()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, count, PER_FILE):
        blocks = []
        for ordinal in reversed(days[start : start + PER_FILE]):
            day = datetime.date.fromordinal(ordinal)
            title = writer.title()
            if rng.random() < 0.03:
                title = f"Letter from {rng.choice(regions)}: {title.lower()}"
            paragraphs = [writer.teaser()]
            if rng.random() < 0.2:
                paragraphs.append(writer.teaser())
            text = "\n\n".join(f"    {paragraph}" for paragraph in paragraphs)
            blocks.append(f"  • {title}\n\n    {dates.line(day)}\n\n{text}\n")
        # The legacy listings' pages: news.php?position=0, 10, 20…
        path = folder / f"news-position-{start:06d}.txt"
        path.write_text("\n".join(reversed(blocks)) + "\n" + tail, encoding="utf-8")
        files.append(path)
    return files


class Watcher:
    """Reads the import's progress bar; notes its memory at 25/50/75/100%."""

    def __init__(self, process):
        self.process = process
        self.marks = {}
        self.last = None
        self.thread = threading.Thread(target=self.read, daemon=True)
        self.thread.start()

    def rss_mib(self):
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        return int(match[1]) / 1024 if match else None

    def read(self):
        buffer = ""
        while chunk := self.process.stderr.read(256):
            buffer = (buffer + chunk)[-512:]
            found = re.findall(r"(\d+)/(\d+) \[", buffer)
            if not found:
                continue
            done, total = (int(part) for part in found[-1])
            self.last = self.rss_mib() or self.last
            for mark in (25, 50, 75, 100):
                if mark not in self.marks and done * 100 >= total * mark:
                    rss = self.rss_mib()
                    if rss is not None:
                        self.marks[mark] = rss
        # The bar's last update may come as the process ends: its last reading.
        if 100 not in self.marks and self.last is not None:
            self.marks[100] = self.last


def manage(env, *args, **options):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **options)  # noqa: S603


def import_once(env, exports):
    """One run of import_legacy: (seconds, peak RSS MiB, marks, CPU seconds,
    stdout)."""
    command = [
        sys.executable,
        str(ROOT / "manage.py"),
        "import_legacy",
        str(exports),
        "--progress",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watcher = Watcher(process)
    stdout = process.stdout.read()
    # wait4: this child's own resource use, whatever else ran before it.
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    watcher.thread.join(5)
    if process.returncode != 0:
        sys.exit(f"import_legacy failed ({process.returncode}):\n{stdout}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss / 1024, watcher.marks, cpu, stdout


def count_in(summary, label):
    match = re.search(rf"^{label}: (\d+)", summary, re.MULTILINE)
    return int(match[1]) if match else None


def check(summary, run, expected):
    """The import did what it should: every item created, then none changed."""
    created = count_in(summary, "Pages created")
    updated = count_in(summary, "Pages updated")
    if run == "first":
        good = created == expected and updated == 0
    else:
        good = created == 0 and updated == 0
    if not good:
        sys.exit(f"the {run} run did not do what it should:\n{summary}")


def prepare_database(database, env):
    if database != "postgresql":
        env.pop("DATABASE_URL", None)
        return
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {PG_DATABASE}")
    env["DATABASE_URL"] = f"{PG_SERVER}/{PG_DATABASE}"


def drop_database(database):
    if database != "postgresql":
        return
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument(
        "--database", choices=["sqlite", "postgresql"], default="sqlite"
    )
    parser.add_argument(
        "--index",
        action="store_true",
        help="then run the task worker until the queued search indexing is done",
    )
    parser.add_argument("--keep", metavar="FOLDER", help="keep the scratch site here")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="psg-bench-import-"))
    workdir.mkdir(parents=True, exist_ok=True)
    # The site's ordinary settings (tasks queued in the database), no Redis.
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="psg.settings.dev",
        PSG_VAR_DIR=str(workdir),
        SECRET_KEY="bench-only-not-secret",  # noqa: S106
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    try:
        exports = workdir / "exports"
        generate(exports, args.items, random.Random(SEED))  # noqa: S311
        prepare_database(args.database, env)
        manage(env, "migrate", "--noinput", "-v0")
        for run in ("first", "second"):
            seconds, peak, marks, cpu, summary = import_once(env, exports)
            check(summary, run, args.items)
            suffix = "" if run == "first" else " run=second"
            print(
                f"items={args.items} seconds={seconds:.1f} peak_rss_mib={peak:.0f}"
                + suffix,
                flush=True,
            )
            held = " ".join(
                f"at_{mark}%={rss:.0f}" for mark, rss in sorted(marks.items())
            )
            # The import's own CPU time: what other work on the machine
            # disturbs least.
            print(f"rss_mib run={run} {held} cpu_seconds={cpu:.1f}", flush=True)
        if args.index:
            started = time.perf_counter()
            manage(env, "db_worker", "--batch", "--no-startup-delay", "-v0")
            print(f"index_seconds={time.perf_counter() - started:.1f}", flush=True)
        print(f"load_average={os.getloadavg()[0]:.1f}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        drop_database(args.database)


if __name__ == "__main__":
    main()
