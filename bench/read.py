"""Read benchmark: the uncached render, the embedded cache, Varnish and nginx
serving the same bytes, all in one run; then publish → visible.

    make bench-read
    .venv/bin/python bench/read.py --items 2000 --duration 10 --connections 16

For each database (``--databases sqlite,postgres``), builds a scratch site
(the demo content plus ``--items`` generated news items), starts it as
deploy/local_stack.py does (psg.settings.production under gunicorn with
deploy/gunicorn.conf.py, Varnish with deploy/varnish/psg.vcl in front;
PostgreSQL and Redis for "postgres", SQLite and the file cache, as on one
machine, for "sqlite"), and drives each page with wrk (``--connections``
connections, two threads, ``--duration`` seconds, loopback):

- uncached: an app node with the page cache off (PSG_PAGE_CACHE=0), its
  workers keeping the page and its rendered parts (docs/architecture.md);
- cold render: what a page's first view after a publish costs, in-process,
  with those kept parts dropped before each view (CPU milliseconds);
- embedded: the same node with the page cache on, the page already cached;
- varnish: through Varnish, the page already cached;
- static: nginx serving the bytes Varnish served, from a file.

Varnish and nginx are run in turns (``--rounds``, 3 by default) and the
median of each is printed: at tens of thousands of requests a second a single
run of either moves by a tenth or more.

It prints one line per page and database::

    page=article uncached_rps=… cold_render_ms=… embedded_rps=…
        varnish_rps=… static_rps=… varnish_ratio=… database=…  (on one line)

(varnish_ratio = varnish_rps / static_rps), then times publish → visible: an
article cached everywhere gets a new title, published as the admin does
(a revision, published); the time until the new title is served through
Varnish and by every app node is printed as
``publish_to_visible_s=… database=…``. Any non-2xx answer or socket error
during a measurement is printed and makes the exit status non-zero.
Figures: docs/benchmarks.md.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

from local_stack import (  # noqa: E402
    LocalStack,
    free_port,
    get,
    stop_group,
    wait_until,
)

# The article is the newest demo article (rich text, images, terms); the
# generated items fill the listings and term pages.
FIND_PAGES = """
import json
from wagtail.models import Locale
from psg.news.models import NewsPage
article = (
    NewsPage.objects.live().filter(locale=Locale.get_default())
    .exclude(slug__startswith="bench-item").order_by("-date").first()
)
print(json.dumps({"article": article.url, "article_id": article.pk}))
"""
ADD_NEWS = """
import sys
sys.path.insert(0, "bench")
from regions import add_news
add_news({count})
"""
# Publish a new revision with a new title, as the admin's Publish does;
# prints the wall-clock time just before publishing.
PUBLISH = """
import time
from psg.news.models import NewsPage
page = NewsPage.objects.get(pk={page_id}).specific
page.title = {title!r}
revision = page.save_revision()
print(time.time(), flush=True)
revision.publish()
"""
# The render a page's first reader after a publish waits for: in-process,
# each view with the worker's kept parts and pages dropped first (as a
# publish drops them), the CPU time per view.
COLD_RENDER = """
import json, time
from django.test import Client
from psg.core import structure
client = Client(HTTP_HOST={host!r}, secure=True)
figures = {{}}
for name, path in {pages!r}.items():
    for _ in range(3):
        client.get(path)
    start = time.process_time()
    for _ in range({views}):
        structure.forget_recent()
        assert client.get(path).status_code == 200
    figures[name] = 1000 * (time.process_time() - start) / {views}
print(json.dumps(figures))
"""
NGINX_CONF = """
{user}
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types {{ text/html html; }}
    default_type text/html;
    client_body_temp_path {folder}/tmp;
    proxy_temp_path {folder}/tmp;
    fastcgi_temp_path {folder}/tmp;
    uwsgi_temp_path {folder}/tmp;
    scgi_temp_path {folder}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/html;
    }}
}}
"""


class SqliteStack(LocalStack):
    """The one-machine site: SQLite and the file cache, no Redis."""

    def __init__(self, workdir, **options):
        database = Path(workdir).resolve() / "var" / "db.sqlite3"
        super().__init__(workdir, database_url=f"sqlite:///{database}", **options)

    def env(self, node=None):
        env = super().env(node)
        env.pop("REDIS_URL")
        return env

    def create_database(self, fresh=False):
        database = Path(self.database_url.removeprefix("sqlite:///"))
        if fresh:
            database.unlink(missing_ok=True)
        database.parent.mkdir(parents=True, exist_ok=True)

    def flush_redis(self):
        shutil.rmtree(self.workdir / "var" / "cache", ignore_errors=True)


def wrk(url, host, duration, connections):
    """Requests a second, and the failures, of a wrk run on ``url``."""
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-H",
            f"Host: {host}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)[1])
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    errors = re.search(
        r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", result.stdout
    )
    failures = int(non_2xx[1]) if non_2xx else 0
    failures += sum(int(count) for count in errors.groups()) if errors else 0
    return rps, failures


def cached_answer(url, host, header="X-Cache"):
    """The page's body once a second request is a cache hit (the header says)."""
    for _ in range(5):
        status, headers, body = get(url, host=host)
        if status != 200:
            raise RuntimeError(f"{url} answered {status}")
        if headers.get(header, "").upper().startswith("HIT"):
            return body
    raise RuntimeError(f"{url} is never served from the cache ({header})")


class Nginx:
    """nginx serving saved copies of pages from a folder of its own."""

    def __init__(self, folder):
        self.folder = Path(folder)
        (self.folder / "html").mkdir(parents=True, exist_ok=True)
        (self.folder / "tmp").mkdir(exist_ok=True)
        self.port = free_port()
        self.process = None

    def save(self, name, body):
        (self.folder / "html" / f"{name}.html").write_bytes(body)
        return f"http://127.0.0.1:{self.port}/{name}.html"

    def __enter__(self):
        conf = self.folder / "nginx.conf"
        # As root, nginx's workers would drop to "nobody", who cannot read the
        # scratch folder.
        user = "user root;" if os.geteuid() == 0 else ""
        conf.write_text(
            NGINX_CONF.format(user=user, folder=self.folder, port=self.port)
        )
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("nginx"),
                "-c",
                str(conf),
                "-e",
                str(self.folder / "error.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            process_group=0,  # as the stack's processes (deploy/local_stack.py)
        )
        wait_until(
            lambda: get(f"http://127.0.0.1:{self.port}/")[0] in (403, 404),
            20,
            "nginx to answer",
        )
        return self

    def __exit__(self, *exc_info):
        stop_group(self.process)


def restart_nodes(stack, page_cache):
    stack.extra_env["PSG_PAGE_CACHE"] = "1" if page_cache else "0"
    for index in range(len(stack.node_ports)):
        stack.kill_node(index)
    for index in range(len(stack.node_ports)):
        stack.start_node(index)


def publish_to_visible(stack, page_id, path):
    """Seconds from Publish until every address serves the new title."""
    title = f"Published at {time.time():.0f}"
    addresses = [stack.varnish_url, *stack.node_urls]
    seen = {}

    def watch(address):
        while address not in seen:
            status, _, body = get(address + path, host=stack.host)
            if status == 200 and title.encode() in body:
                seen[address] = time.time()
            time.sleep(0.05)

    for address in addresses:  # everything has the old page cached
        cached_answer(address + path, stack.host)
    watchers = [
        threading.Thread(target=watch, args=(address,), daemon=True)
        for address in addresses
    ]
    for watcher in watchers:
        watcher.start()
    result = stack.manage(
        "shell", "-v0", "-c", PUBLISH.format(page_id=page_id, title=title)
    )
    published_at = float(result.stdout.split()[0])
    for watcher in watchers:
        watcher.join(timeout=30)
    if len(seen) < len(addresses):
        missing = sorted(set(addresses) - set(seen))
        raise RuntimeError(f"the new title never showed at {missing}")
    return max(seen.values()) - published_at


def measure(database, args, workdir):
    make = SqliteStack if database == "sqlite" else LocalStack
    options = {"node_ports": (free_port(), free_port()), "varnish_port": free_port()}
    if database == "sqlite":
        options["node_ports"] = options["node_ports"][:1]
    else:
        options["database_url"] = "postgres://postgres@127.0.0.1:5432/psg_bench_read"
        options["redis_url"] = "redis://127.0.0.1:6379/8"
    stack = make(workdir / database, extra_env={"PSG_PAGE_CACHE": "0"}, **options)
    print(f"# {database}: setting up the demo site and {args.items} items", flush=True)
    stack.setup(fresh=True)
    stack.manage("shell", "-v0", "-c", ADD_NEWS.format(count=args.items))
    # The new items' search indexing waits in the task queue: done now, so
    # that no worker competes with the pages for the processors while they
    # are measured.
    stack.manage("db_worker", "--batch", "--no-startup-delay")
    found = json.loads(stack.manage("shell", "-v0", "-c", FIND_PAGES).stdout)
    pages = {"article": found["article"], "home": "/", "news": "/news/"}
    figures = {name: {} for name in pages}
    failed = 0

    def run(name, figure, url):
        nonlocal failed
        rps, failures = wrk(url, stack.host, args.duration, args.connections)
        figures[name].setdefault(figure, []).append(rps)
        if failures:
            failed += failures
            print(f"# {database} {name} {figure}: {failures} failures", flush=True)

    cold = json.loads(
        stack.manage(
            "shell",
            "-v0",
            "-c",
            COLD_RENDER.format(host=stack.host, pages=pages, views=50),
        ).stdout
    )
    try:
        stack.start()
        node = stack.node_urls[0]
        with Nginx(workdir / database / "nginx") as nginx:
            for name, path in pages.items():
                run(name, "uncached_rps", node + path)
                body = cached_answer(stack.varnish_url + path, stack.host)
                static = nginx.save(name, body)
                # Both serve tens of thousands a second, and a run of either
                # moves by a tenth or more: taken in turns, the median of each.
                for _ in range(args.rounds):
                    run(name, "varnish_rps", stack.varnish_url + path)
                    run(name, "static_rps", static)
            restart_nodes(stack, page_cache=True)
            for name, path in pages.items():
                cached_answer(node + path, stack.host)
                run(name, "embedded_rps", node + path)
        seconds = publish_to_visible(stack, found["article_id"], pages["article"])
    finally:
        stack.stop()
    for name, runs in figures.items():
        figure = {key: statistics.median(values) for key, values in runs.items()}
        ratio = figure["varnish_rps"] / figure["static_rps"]
        print(
            f"page={name} uncached_rps={figure['uncached_rps']:.0f} "
            f"cold_render_ms={cold[name]:.1f} "
            f"embedded_rps={figure['embedded_rps']:.0f} "
            f"varnish_rps={figure['varnish_rps']:.0f} "
            f"static_rps={figure['static_rps']:.0f} "
            f"varnish_ratio={ratio:.2f} database={database}",
            flush=True,
        )
    print(f"publish_to_visible_s={seconds:.2f} database={database}", flush=True)
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--rounds", type=int, default=3, help="runs of Varnish and nginx, in turns"
    )
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--keep", help="build the sites in this folder, kept")
    args = parser.parse_args()
    # A TERM (a timeout, a supervisor) stops the site's processes too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    for tool in ("wrk", "varnishd", "nginx"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (apt-get install wrk varnish nginx)")
    with tempfile.TemporaryDirectory(prefix="psg-read-") as scratch:
        workdir = Path(args.keep or scratch)
        failed = sum(
            measure(database, args, workdir) for database in args.databases.split(",")
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
