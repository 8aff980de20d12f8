"""Load run: 16 connections for 5 minutes against the site as `make run` serves it.

    make bench-load                                    # 300 s, 16 connections
    .venv/bin/python bench/load.py --duration 60 --connections 16

Sets up a scratch site in a temporary directory (SQLite, the demo content,
collected static files), serves it with gunicorn as `make run` does (2
workers, 4 threads, psg.settings.dev) on a free loopback port, and drives it
with ``--connections`` concurrent keep-alive connections (httpx, asyncio) for
``--duration`` seconds over a mix of public pages, searches and form posts
(the bulletin sign-up and the join form: GET for the CSRF cookie and token,
then POST, some valid, some not). Prints, per kind of request, the requests,
transport errors, 5xx and 429 answers and the p50/p95/p99 latency, and exits
non-zero on any 5xx or transport error. The public forms' rate limits refuse
most posts from one address with 429: that is expected, and reported apart.
Everything stays on 127.0.0.1. Figures: docs/benchmarks.md.
"""

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = ["mining", "water", "Cusco", "Espinar", "consulta previa", "derechos"]
# Kind of request -> weight in the mix.
MIX = {"page": 55, "search": 25, "form-get": 8, "form-post": 12}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_env(scratch, port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "psg.settings.dev",
        "PSG_VAR_DIR": scratch,
        "SECRET_KEY": "bench-only-not-secret-" + "x" * 30,
        "BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "DEBUG"):
        env.pop(name, None)
    return env


def set_up(env):
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["configure_site"],
        ["load_demo_content"],
    ):
        subprocess.run(  # noqa: S603
            [*manage, *command], env=env, cwd=ROOT, check=True, capture_output=True
        )


def serve(env, port):
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "psg.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer")


def discover(base):
    """The public pages to read: the fixed ones, plus an article and a region."""
    pages = ["/", "/news/", "/events/", "/regions/", "/publications/"]
    news = httpx.get(base + "/news/", timeout=10).text
    articles = sorted(set(re.findall(r'href="(/news/[a-z0-9-]+/)"', news)))
    regions = httpx.get(base + "/regions/", timeout=10).text
    region_pages = sorted(set(re.findall(r'href="(/regions/[a-z0-9-]+/)"', regions)))
    if not articles or not region_pages:
        raise SystemExit("no article or region page found in the demo content")
    return pages + articles[:5] + region_pages[:5]


def form_fields(html):
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and ('type="hidden"' in tag or 'type="checkbox"' in tag):
            fields.setdefault(name.group(1), []).append(value.group(1) if value else "")
    return fields


class Results:
    def __init__(self):
        self.latency = defaultdict(list)
        self.status = defaultdict(lambda: defaultdict(int))
        self.errors = defaultdict(int)

    def record(self, kind, started, response=None, error=None):
        if error is not None:
            self.errors[kind] += 1
            return
        self.latency[kind].append(time.perf_counter() - started)
        self.status[kind][response.status_code] += 1


async def timed(results, kind, call):
    started = time.perf_counter()
    try:
        response = await call()
    except httpx.HTTPError as error:
        results.record(kind, started, error=error)
        return None
    results.record(kind, started, response)
    return response


async def connection(base, pages, deadline, results, rng):
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        while time.monotonic() < deadline:
            kind = rng.choices(list(MIX), weights=list(MIX.values()))[0]
            if kind == "page":
                path = rng.choice(pages)
                await timed(results, kind, lambda p=path: client.get(p))
            elif kind == "search":
                query = {"q": rng.choice(SEARCHES)}
                await timed(
                    results, kind, lambda q=query: client.get("/search/", params=q)
                )
            else:
                path = rng.choice(["/bulletin/subscribe/", "/join/"])
                form = await timed(results, "form-get", lambda p=path: client.get(p))
                if kind == "form-post" and form is not None and form.status_code == 200:
                    data = form_fields(form.text)
                    if path == "/bulletin/subscribe/" and rng.random() < 0.5:
                        data |= {"email": [f"r{rng.randrange(10**9)}@example.org"]}
                        data |= {"name": ["Load Test"]}
                    else:
                        data |= {"email": ["not an address"]}
                    await timed(
                        results,
                        "form-post",
                        lambda p=path, d=data: client.post(p, data=d),
                    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(results, duration):
    total = 0
    failed = 0
    print(
        f"{'kind':<10} {'requests':>8} {'errors':>6} {'5xx':>5} {'429':>5}"
        f" {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    )
    for kind in MIX:
        latency = results.latency[kind]
        statuses = results.status[kind]
        count = len(latency)
        total += count
        server_errors = sum(n for code, n in statuses.items() if code >= 500)
        failed += server_errors + results.errors[kind]
        if not count:
            continue
        print(
            f"{kind:<10} {count:>8} {results.errors[kind]:>6} {server_errors:>5}"
            f" {statuses.get(429, 0):>5}"
            f" {statistics.median(latency) * 1000:>7.0f}"
            f" {percentile(latency, 0.95) * 1000:>7.0f}"
            f" {percentile(latency, 0.99) * 1000:>7.0f}"
        )
    every = [value for values in results.latency.values() for value in values]
    print(
        f"{'all':<10} {total:>8}   {total / duration:.1f} requests/s;"
        f" p95 {percentile(every, 0.95) * 1000:.0f} ms"
    )
    codes = defaultdict(int)
    for statuses in results.status.values():
        for code, n in statuses.items():
            codes[code] += n
    print("status codes:", dict(sorted(codes.items())))
    return failed


async def drive(base, pages, duration, connections):
    results = Results()
    deadline = time.monotonic() + duration
    await asyncio.gather(
        *(
            connection(base, pages, deadline, results, random.Random(n))
            for n in range(connections)
        )
    )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=300, help="seconds")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="psg-load-") as scratch:
        env = site_env(scratch, port)
        print(f"Setting up a scratch site in {scratch} ...", flush=True)
        set_up(env)
        server = serve(env, port)
        try:
            pages = discover(base)
            print(
                f"Driving {base} with {args.connections} connections for "
                f"{args.duration:.0f} s over {len(pages)} pages, searches and "
                "form posts ...",
                flush=True,
            )
            results = asyncio.run(drive(base, pages, args.duration, args.connections))
        finally:
            server.terminate()
            server.wait(30)
    failed = report(results, args.duration)
    if failed:
        print(f"FAILED: {failed} server errors or failed requests")
        sys.exit(1)


if __name__ == "__main__":
    main()
