"""The production stack, run for real (deploy/local_stack.py): PostgreSQL,
Redis, Varnish and two app nodes, each a gunicorn and a task worker.

Every test here is marked ``stack`` and runs on its own with
``pytest -m stack -p no:xdist`` (`make test` does, after the PostgreSQL run).
The stack is started once for the session, with a scratch database
(psg_stack_test) and Redis database 8 of the machine's servers, and an SMTP
sink (aiosmtpd) that receives the site's mail.
"""

import os
import re
import shutil
import socket
import sys
import threading
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller
from django_otp.oath import TOTP

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))

from local_stack import PG_SERVER, LocalStack, free_port  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
DATABASE = "psg_stack_test"
REDIS_URL = "redis://127.0.0.1:6379/8"
# Low limits so the tests reach them; no pause between bulletin messages and
# small batches, so both task workers take turns.
STACK_ENV = {
    "PSG_RATE_SUBSCRIBE_IP": "4/h",
    "PSG_BULLETIN_RATE": "0",
    "PSG_BULLETIN_BATCH_SIZE": "20",
    "PSG_JOIN_MIN_SECONDS": "0",
}


def answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), 1).close()
    except OSError:
        return False
    return True


def missing_parts():
    if not shutil.which("varnishd"):
        return "varnishd is not installed (apt-get install varnish)"
    if not answers(5432):
        return "no PostgreSQL server answers on 127.0.0.1:5432"
    if not answers(6379):
        return "no Redis server answers on 127.0.0.1:6379"
    return None


class Sink:
    """What the SMTP sink received: one entry per recipient of each message."""

    def __init__(self):
        self.recipients = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            self.recipients.update(address.lower() for address in envelope.rcpt_tos)
        return "250 Message accepted for delivery"


@pytest.fixture(scope="session")
def smtp_sink():
    handler = Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, smtp_sink):
    reason = missing_parts()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the stack tests.")
        pytest.skip(reason)
    controller, _ = smtp_sink
    local = LocalStack(
        tmp_path_factory.mktemp("stack"),
        database_url=f"{PG_SERVER}/{DATABASE}",
        redis_url=REDIS_URL,
        varnish_port=free_port(),
        node_ports=(free_port(), free_port()),
        smtp=(controller.hostname, controller.port),
        extra_env=STACK_ENV,
    )
    local.setup(fresh=True)
    try:
        local.start()
        yield local
    finally:
        local.stop()
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def run_shell(stack, code):
    return stack.manage("shell", "-v", "0", "-c", code).stdout.strip()


@pytest.fixture
def shell(stack):
    """``shell(code)``: run Python in `manage.py shell` against the stack;
    returns what it printed."""
    return lambda code: run_shell(stack, code)


@pytest.fixture
def stack_db(stack):
    """``stack_db()``: a connection to the stack's database (autocommit)."""
    return lambda: psycopg.connect(stack.database_url, autocommit=True)


STAFF_USER = """
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.create_superuser(
    {name!r}, {name!r} + "@example.org", {password!r}
)
TOTPDevice.objects.create(user=user, name="phone", key={key!r}, confirmed=True)
"""


@pytest.fixture
def staff_user(stack):
    """``staff_user(name)``: a superuser with an authenticator app set up;
    returns (username, password, TOTP key in hex)."""

    def make(name):
        password, key = os.urandom(12).hex(), os.urandom(20).hex()
        run_shell(stack, STAFF_USER.format(name=name, password=password, key=key))
        return name, password, key

    return make


def totp_code(key):
    return f"{TOTP(bytes.fromhex(key)).token():06d}"


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_page(chromium):
    """``new_page(base_url)``: a page in a browser context of its own."""
    contexts = []

    def open_page(base_url):
        context = chromium.new_context(base_url=base_url)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def staff_sign_in():
    """``staff_sign_in(page, username, password, key)``: the staff sign-in,
    password then the authenticator's code."""
    return sign_in


def sign_in(page, username, password, key):
    page.goto("/admin/login/")
    page.get_by_label(re.compile("username", re.IGNORECASE)).fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
    page.get_by_label("Code").fill(totp_code(key))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
