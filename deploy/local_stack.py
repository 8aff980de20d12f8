"""The production stack on this machine: `make stack`, the stack tests, the
read benchmark.

    .venv/bin/python deploy/local_stack.py        # what `make stack` runs

PostgreSQL (a database of its own on the machine's server, created if
missing), Redis (a database number of its own on the machine's server),
Varnish with deploy/varnish/psg.vcl, and two app nodes standing for two
machines: each a gunicorn (deploy/gunicorn.conf.py, psg.settings.production)
and a task worker (`manage.py db_worker`). Every process runs in its own
process group and is stopped with it; Ctrl-C stops everything.

From Python (tests/stack, bench):

    with LocalStack(workdir) as stack:      # setup() then start()
        urlopen(stack.varnish_url + "/news/")
        stack.kill_node(0)
        stack.start_node(0)

The site is https://psg.localhost as far as Django knows (production refuses
any other BASE_URL), reached over plain HTTP at the Varnish port: browsers and
curl send *.localhost to this machine. SECURE_SSL_REDIRECT is off, since no
TLS front runs here; everything else is production's.
"""

import argparse
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import redis
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "psg.vcl"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
PYTHON = sys.executable
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
HOST = "psg.localhost"
ADMIN_USERNAME = "admin"
BACKENDS_BLOCK = re.compile(r"# BEGIN BACKENDS.*?# END BACKENDS", re.DOTALL)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, host=None, timeout=10):
    """(status, headers, body) of a GET; a 4xx/5xx is an answer, not an error."""
    if not url.startswith("http://"):
        raise ValueError(f"Not a local http address: {url}")
    request = urllib.request.Request(url, headers={"Host": host} if host else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Timed out after {timeout} s waiting for {what}")


def stop_group(process, timeout=15):
    """SIGTERM to the process's group, SIGKILL if it lingers; waits for it."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


def backends_vcl(ports, host):
    """The VCL's backend block for app nodes on this machine's ``ports``."""
    lines = [
        "probe healthz {",
        '    .request = "GET /healthz/ HTTP/1.1" '
        f'"Host: {host}" "Connection: close" "User-Agent: varnish-probe";',
        "    .interval = 1s;",
        "    .timeout = 2s;",
        "    .window = 3;",
        "    .threshold = 2;",
        "    .initial = 2;",
        "}",
    ]
    for number, port in enumerate(ports, 1):
        lines += [
            f"backend node{number} {{",
            f'    .host = "127.0.0.1"; .port = "{port}"; .probe = healthz;',
            "    .connect_timeout = 1s; .first_byte_timeout = 30s;",
            "}",
        ]
    lines.append("sub vcl_init {\n    new app = directors.round_robin();")
    lines += [f"    app.add_backend(node{n});" for n in range(1, len(ports) + 1)]
    lines.append("}")
    return "\n".join(lines)


class LocalStack:
    """PostgreSQL, Redis, Varnish and two app nodes (gunicorn + task worker)."""

    def __init__(
        self,
        workdir,
        database_url=f"{PG_SERVER}/psg_stack",
        redis_url="redis://127.0.0.1:6379/7",
        varnish_port=6081,
        node_ports=(8101, 8102),
        smtp=None,
        extra_env=None,
        # As deploy/psg.env.example sets a node on a two-core machine: sync
        # workers behind Varnish. (Threaded workers let one worker take every
        # kept-alive connection while the other idles: half the pages.)
        web_workers=5,
        web_threads=1,
    ):
        self.workdir = Path(workdir).resolve()
        self.database_url = database_url
        self.redis_url = redis_url
        self.varnish_port = varnish_port
        self.node_ports = tuple(node_ports)
        self.smtp = smtp
        self.extra_env = dict(extra_env or {})
        self.web_workers = web_workers
        self.web_threads = web_threads
        self.logs = self.workdir / "logs"
        self.webs = [None] * len(self.node_ports)
        self.workers = [None] * len(self.node_ports)
        self.varnish = None

    # Addresses ----------------------------------------------------------
    @property
    def varnish_url(self):
        return f"http://127.0.0.1:{self.varnish_port}"

    @property
    def public_url(self):
        """The address a browser on this machine opens (through Varnish)."""
        return f"http://{HOST}:{self.varnish_port}"

    @property
    def node_urls(self):
        return [f"http://127.0.0.1:{port}" for port in self.node_ports]

    host = HOST

    # Secrets kept in the workdir, made on first use ---------------------
    def _secret(self, name, length):
        path = self.workdir / name
        if not path.exists():
            self.workdir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(length))
            path.chmod(0o600)
        return path.read_text().strip()

    @property
    def admin_password(self):
        return self._secret("admin_password", 12)

    def env(self, node=None):
        """The environment of the site's processes (``node``: its index)."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PSG_", "DJANGO_", "GUNICORN_", "EMAIL_"))
            and key not in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="psg.settings.production",
            SECRET_KEY=self._secret("secret_key", 50),
            BASE_URL=f"https://{HOST}",
            ALLOWED_HOSTS=f"{HOST},127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=f"http://{HOST}:{self.varnish_port}",
            SECURE_SSL_REDIRECT="0",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            PSG_VAR_DIR=str(self.workdir / "var"),
            PSG_SERVE_MEDIA="1",
            PSG_VARNISH_URLS=self.varnish_url,
            PSG_TRUSTED_PROXY_HEADER="HTTP_X_REAL_IP",
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        if self.smtp:
            env.update(
                EMAIL_HOST=self.smtp[0],
                EMAIL_PORT=str(self.smtp[1]),
                EMAIL_USE_TLS="0",
                EMAIL_USE_SSL="0",
            )
        if node is not None:
            env.update(
                GUNICORN_BIND=f"127.0.0.1:{self.node_ports[node]}",
                WEB_CONCURRENCY=str(self.web_workers),
                GUNICORN_THREADS=str(self.web_threads),
                GUNICORN_ACCESS_LOG=str(self.logs / f"node{node + 1}-access.log"),
            )
        env.update(self.extra_env)
        return env

    def manage(self, *args, check=True):
        """Run ``manage.py *args`` against the stack's database and Redis."""
        result = subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
        )
        if check and result.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
            )
        return result

    # Setting up ----------------------------------------------------------
    def create_database(self, fresh=False):
        """Create the stack's PostgreSQL database if it is missing (``fresh``:
        drop it first)."""
        server, name = self.database_url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
            if fresh:
                db.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(name)
                    )
                )
            exists = db.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def flush_redis(self):
        """Empty the stack's Redis database: no cache or counter of an earlier run."""
        redis.Redis.from_url(self.redis_url).flushdb()

    def setup(self, fresh=False, demo=True):
        """Database, static files, the site's address, demo content, an admin."""
        self.create_database(fresh=fresh)
        self.flush_redis()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("configure_site")
        if demo:
            self.manage("load_demo_content", "-v0")
        result = subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "ensure_admin", "--username", ADMIN_USERNAME],
            cwd=ROOT,
            env={**self.env(), "DJANGO_SUPERUSER_PASSWORD": self.admin_password},
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    # Processes -----------------------------------------------------------
    def _spawn(self, name, command, env):
        self.logs.mkdir(parents=True, exist_ok=True)
        with open(self.logs / f"{name}.log", "ab") as log:
            return subprocess.Popen(  # noqa: S603
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own process group, stopped as one, but in this session:
                # Linux shares the processors between sessions first
                # (autogroup), which would set a server apart from the
                # clients measuring it on the same machine.
                process_group=0,
            )

    def log_tail(self, name, chars=3000):
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def start_node(self, index, wait=True):
        """Start app node ``index``: its gunicorn and its task worker."""
        name = f"node{index + 1}"
        env = self.env(index)
        if self.webs[index] is None or self.webs[index].poll() is not None:
            self.webs[index] = self._spawn(
                f"{name}-web",
                [PYTHON, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "psg.wsgi"],
                env,
            )
        if self.workers[index] is None or self.workers[index].poll() is not None:
            self.workers[index] = self._spawn(
                f"{name}-worker",
                [PYTHON, "manage.py", "db_worker", "--interval", "0.5"],
                env,
            )
        if wait:
            self.wait_for_node(index)

    def wait_for_node(self, index, timeout=60):
        def healthy():
            if self.webs[index].poll() is not None:
                log = self.log_tail(f"node{index + 1}-web")
                raise RuntimeError(f"node {index + 1} stopped:\n{log}")
            status, _, _ = get(self.node_urls[index] + "/healthz/", timeout=2)
            return status == 200

        wait_until(healthy, timeout, f"node {index + 1} to answer /healthz/")
        if self.varnish is not None:
            wait_until(
                lambda: self.backend_health().get(f"node{index + 1}") == "healthy",
                timeout,
                f"Varnish to see node {index + 1} healthy",
            )

    def kill_node(self, index):
        """SIGKILL node ``index``'s gunicorn (master and workers) and its
        task worker, as a machine that dies would."""
        for process in (self.webs[index], self.workers[index]):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def start_varnish(self):
        folder = self.workdir / "varnish"
        folder.mkdir(parents=True, exist_ok=True)
        vcl = folder / "psg.vcl"
        vcl.write_text(
            BACKENDS_BLOCK.sub(
                lambda _: backends_vcl(self.node_ports, HOST), VCL.read_text()
            )
        )
        self.varnish = self._spawn(
            "varnish",
            [
                "varnishd",
                "-F",
                "-n",
                str(folder / "run"),
                "-j",
                "none",  # as the user running the stack, even root
                "-a",
                f"127.0.0.1:{self.varnish_port}",
                "-T",
                "127.0.0.1:0",
                "-f",
                str(vcl),
                "-s",
                "malloc,128m",
            ],
            os.environ.copy(),
        )

        def answers():
            if self.varnish.poll() is not None:
                raise RuntimeError(f"varnishd stopped:\n{self.log_tail('varnish')}")
            status, _, _ = get(self.varnish_url + "/healthz/", host=HOST, timeout=2)
            return status == 200

        wait_until(answers, 60, "Varnish to answer")

    def backend_health(self):
        """{"node1": "healthy" | "sick", …} as Varnish's probes see them."""
        result = subprocess.run(  # noqa: S603
            ["varnishadm", "-n", str(self.workdir / "varnish" / "run"), "backend.list"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        health = {}
        for line in result.stdout.splitlines():
            match = re.match(r"\S*?\.?(node\d+)\s+.*?\b(healthy|sick)\b", line)
            if match:
                health[match[1]] = match[2]
        return health

    def start(self):
        self.flush_redis()
        try:
            for index in range(len(self.node_ports)):
                self.start_node(index, wait=False)
            for index in range(len(self.node_ports)):
                self.wait_for_node(index)
            self.start_varnish()
        except BaseException:
            self.stop()
            raise

    def stop(self):
        stop_group(self.varnish)
        for process in [*self.webs, *self.workers]:
            stop_group(process)

    def __enter__(self):
        self.setup()
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description="Run the production stack here.")
    parser.add_argument("--workdir", default=str(ROOT / "var" / "stack"))
    parser.add_argument("--port", type=int, default=6081, help="Varnish's port")
    parser.add_argument("--node-ports", default="8101,8102")
    parser.add_argument("--fresh", action="store_true", help="Start from scratch")
    args = parser.parse_args()
    stack = LocalStack(
        args.workdir,
        varnish_port=args.port,
        node_ports=[int(port) for port in args.node_ports.split(",")],
    )
    # Ctrl-C or a TERM from a supervisor: stop everything, then exit.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        print("Setting up (migrate, static files, demo content)…", flush=True)
        print(stack.setup(fresh=args.fresh), end="")
        stack.start()
        print(
            f"\nThe site, through Varnish:  {stack.public_url}/\n"
            f"Admin:                      {stack.public_url}/admin/  user "
            f"{ADMIN_USERNAME}, password in {stack.workdir / 'admin_password'}\n"
            f"App nodes:                  {', '.join(stack.node_urls)}\n"
            f"Database: {stack.database_url}  Redis: {stack.redis_url}\n"
            f"Logs: {stack.logs}/\nCtrl-C stops everything.",
            flush=True,
        )
        while all(process.poll() is None for process in [stack.varnish, *stack.webs]):
            time.sleep(1)
        print("A process stopped; see the logs. Stopping the rest.", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nStopping…")
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
