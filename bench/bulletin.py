"""Benchmark: send one bulletin edition to N generated subscribers.

    make bench-bulletin            # 10,000 subscribers, then 2,000 for comparison
    .venv/bin/python bench/bulletin.py --subscribers 10000

Everything runs on this machine: a scratch SQLite database and media folder
in a temporary directory, an SMTP sink (aiosmtpd's Sink handler) in its own
process on a free loopback port, and the task worker (`manage.py db_worker
--batch`) in its own process. Prints messages per second (delivery records
marked sent, over the worker's wall time) and the worker's peak memory.
"""

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"SMTP sink did not start on port {port}")


def prepare(count):
    """Make the edition and the subscribers; return the edition's id."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    # The demo content queues search-index and reference-index tasks; run
    # them now so the timed worker does nothing but send.
    call_command(
        "db_worker", batch=True, startup_delay=False, interval=0.1, verbosity=0
    )

    from psg.bulletin.models import BulletinSeries, Edition, Subscriber, Subscription
    from psg.bulletin.sending import start_sending

    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{number}@example.org",
                name=f"Reader {number}",
                status=Subscriber.Status.SUBSCRIBED,
            )
            for number in range(count)
        ],
        batch_size=1000,
    )
    series = BulletinSeries.objects.get(slug="update")
    Subscription.objects.bulk_create(
        [
            Subscription(subscriber_id=pk, series=series)
            for pk in Subscriber.objects.values_list("pk", flat=True)
        ],
        batch_size=1000,
    )
    edition = Edition(series=series, number=1, date=django.utils.timezone.localdate())
    edition.save()
    edition.compose_from_latest()
    start_sending(edition)
    return edition.pk


def count_sent(edition_id):
    from psg.bulletin.models import Delivery

    return Delivery.objects.filter(
        edition_id=edition_id, status=Delivery.Status.SENT
    ).count()


def run(count):
    workdir = Path(tempfile.mkdtemp(prefix="psg-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "psg.settings.dev",
        "PSG_VAR_DIR": str(workdir),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "PSG_BULLETIN_RATE": "0",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    os.environ.update(env)
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))

    sink = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Sink",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        edition_id = prepare(count)
        started = time.monotonic()
        worker = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "-v",
                "0",
            ],
            cwd=ROOT,
            env=env,
            check=False,
        )
        elapsed = time.monotonic() - started
        # ru_maxrss of waited-for children, in KiB on Linux: the worker's peak,
        # since the sink is still running and is not counted yet.
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        sent = count_sent(edition_id)
    finally:
        sink.terminate()
        sink.wait()
    print(
        f"subscribers={count} sent={sent} worker_exit={worker.returncode} "
        f"seconds={elapsed:.1f} messages_per_second={sent / elapsed:.0f} "
        f"worker_peak_rss_mib={peak_kib / 1024:.0f}"
    )
    return sent == count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args()
    sys.exit(0 if run(args.subscribers) else 1)


if __name__ == "__main__":
    main()
