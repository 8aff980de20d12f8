"""Fixtures for the browser tests: Chromium, the demo site, screenshots and axe.

Every test here is marked ``browser`` and runs on its own with
``pytest -m browser -p no:xdist`` (see docs/testing.md).
"""

import base64
import datetime
import itertools
import os
import re
from pathlib import Path

import pytest
from django_otp.oath import TOTP

from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """() => axe.run(document, {
  runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
})"""
BLOCKING_IMPACTS = {"serious", "critical"}
DESKTOP = {"width": 1280, "height": 900}
# A full-page screenshot does not scroll, so lazy images below the fold would
# show as empty boxes: load them first.
LOAD_LAZY_IMAGES = """async () => {
  const pending = [...document.images].filter((img) => !img.complete);
  pending.forEach((img) => { img.loading = 'eager'; });
  await Promise.all(pending.map((img) => img.decode().catch(() => null)));
}"""

screenshot_dir_key = pytest.StashKey[Path]()
playwright_key = pytest.StashKey[object]()


def pytest_collection_finish(session):
    """Set up the run if any browser test was selected.

    Makes the screenshot folder and starts Playwright before any fixture runs,
    the test database's included: starting Playwright's sync API gives this
    thread a new context, and Django's database connections are context-local,
    so a connection opened earlier would be lost, and with it the migrations'
    data saved on it for the serialized rollback.
    """
    if not any(item.get_closest_marker("browser") for item in session.items):
        return
    config = session.config
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        path = Path(folder)
    else:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = config.rootpath / "var" / "screenshots" / stamp
    path.mkdir(parents=True, exist_ok=True)
    config.stash[screenshot_dir_key] = path.resolve()
    if CHROMIUM.exists():
        from playwright.sync_api import sync_playwright

        # Playwright's sync API runs an event loop in this thread; Django
        # would otherwise refuse the ORM calls the tests make alongside it.
        # Only for this run: `check --deploy` rightly rejects the variable.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        config.stash[playwright_key] = sync_playwright().start()


def pytest_sessionfinish(session):
    playwright = session.config.stash.get(playwright_key, None)
    if playwright is not None:
        playwright.stop()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def pytest_terminal_summary(terminalreporter, config):
    path = config.stash.get(screenshot_dir_key, None)
    if path is None:
        return
    count = len(list(path.glob("*.png")))
    terminalreporter.write_sep("-", "browser screenshots")
    terminalreporter.write_line(f"{count} screenshots in {path}")


@pytest.fixture(scope="session")
def browser(pytestconfig):
    """Debian's Chromium, headless, driven by Playwright (never a downloaded one)."""
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser tests.")
        pytest.skip(f"{reason} (apt-get install chromium); skipped outside CI.")
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make browser-deps`.")
    playwright = pytestconfig.stash[playwright_key]
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder, and the site serves them from there."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def demo_site(django_db_serialized_rollback, live_server, media_root):
    """The demo content, served by a live server; returns the server's URL.

    The live server needs a transactional database, which is emptied after
    every test; the serialized rollback restores what the migrations made
    (the page tree, the site, regions and topics) before the next one.
    """
    call_command("load_demo_content", verbosity=0)
    return live_server.url


@pytest.fixture
def new_context(browser, demo_site):
    """Open browser contexts on the demo site; they are closed after the test."""
    contexts = []

    def open_context(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=demo_site, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A desktop-sized page that fails the test on any JavaScript error."""
    errors = []
    page = new_context().new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on {page.url}: {errors}"


@pytest.fixture
def screenshot(request):
    """``screenshot(page, "step")`` saves a full-page PNG named after the test."""
    folder = request.config.stash.get(screenshot_dir_key, None)
    test_name = re.sub(r"[^\w-]+", "-", request.node.name).strip("-")
    counter = itertools.count(1)

    def take(page, step):
        if folder is None:
            return None
        path = folder / f"{test_name}--{next(counter):02d}-{step}.png"
        page.evaluate(LOAD_LAZY_IMAGES)
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary}")
    return "\n".join(lines)


@pytest.fixture
def axe():
    """``axe(page)`` runs axe-core on the page; serious or critical fails."""

    def check(page):
        # Evaluated through the DevTools protocol: the site's Content-Security-
        # Policy (rightly) refuses an inline <script> added to the page.
        page.evaluate(AXE_JS.read_text())
        results = page.evaluate(AXE_RUN)
        blocking = [
            violation
            for violation in results["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        assert not blocking, (
            f"Accessibility violations on {page.url}:\n{format_violations(blocking)}"
        )
        return results

    return check


@pytest.fixture
def step(screenshot, axe):
    """``step(page, "name")``: a screenshot of what the reader sees, then axe."""

    def check(page, name, accessibility=True):
        screenshot(page, name)
        if accessibility:
            axe(page)

    return check


def code_from_secret(secret, steps_ahead=0):
    """The code an authenticator app shows for ``secret`` (as the enrol page
    shows it); a later step's code for a second sign-in in the same half-minute,
    since each code works once."""
    secret = secret.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key)
    totp.time += 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in_to_admin(page, username, password):
    """Sign in with the password and, on a first sign-in, set up two-factor
    (psg.staff) as a person would: type the secret the page shows into an
    app, enter its code, save the recovery codes. Returns the secret and the
    recovery codes (empty on later sign-ins, which need ``enter_code``)."""
    page.goto("/admin/login/")
    page.get_by_label(re.compile("username", re.IGNORECASE)).fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/admin/two-factor/(enrol|verify)/"))
    if "/verify/" in page.url:
        return None, []
    secret = page.locator("[data-secret]").inner_text()
    page.get_by_label("Code").fill(code_from_secret(secret))
    page.get_by_role("button", name="Confirm and continue").click()
    page.wait_for_url(re.compile(r"/admin/two-factor/recovery-codes/$"))
    page.locator("[data-recovery-codes] code").nth(9).wait_for()
    codes = page.locator("[data-recovery-codes] code").all_inner_texts()
    page.get_by_role("button", name=re.compile("I have saved them")).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return secret, codes


def enter_code(page, code):
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def admin_sign_in():
    """``admin_sign_in(page, username, password)``: see sign_in_to_admin."""
    return sign_in_to_admin


@pytest.fixture
def authenticator():
    """``authenticator(secret, steps_ahead=0)``: the code an app would show."""
    return code_from_secret


@pytest.fixture
def csp_violations():
    """``csp_violations(page)`` starts collecting the page's Content-Security-
    Policy violations (console reports and securitypolicyviolation events);
    it returns the list, which the test asserts empty."""

    def watch(page):
        found = []
        page.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', (e) =>"
            " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.on(
            "console",
            lambda message: (
                found.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return found

    return watch
