"""Staff sign-in in a real browser: two-factor set-up and the admin under CSP.

A new admin sets up two-factor sign-in with the secret the page shows and
reaches the dashboard; signing in again needs a code; a recovery code works
once. The page editor and the public pages run with the Content-Security-
Policy on and report no violation.
"""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from psg.news.models import NewsPage

pytestmark = pytest.mark.browser

ADMIN = {"username": "admin-3c1f9a2e", "password": "a long admin passphrase"}


@pytest.fixture
def admin(demo_site, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    return get_user_model().objects.create_superuser(email="admin@example.org", **ADMIN)


def sign_out(page):
    page.context.clear_cookies()
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_enrol_then_every_sign_in_needs_a_code_and_a_recovery_code_works_once(
    admin, page, screenshot, admin_sign_in, authenticator
):
    page.goto("/admin/login/")
    page.get_by_label(re.compile("username", re.IGNORECASE)).fill(ADMIN["username"])
    page.get_by_label("Password").fill(ADMIN["password"])
    page.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    expect(page).to_have_url(re.compile(r"/admin/two-factor/enrol/"))
    expect(page.locator(".staff-qr-code svg")).to_be_visible()
    screenshot(page, "enrol")
    page.goto("/admin/pages/")  # nothing else opens before enrolling
    expect(page).to_have_url(re.compile(r"/admin/two-factor/enrol/"))

    secret = page.locator("[data-secret]").inner_text()
    page.get_by_label("Code").fill(authenticator(secret))
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page).to_have_url(re.compile(r"/admin/two-factor/recovery-codes/$"))
    page.locator("[data-recovery-codes] code").nth(9).wait_for()
    codes = page.locator("[data-recovery-codes] code").all_inner_texts()
    assert len(codes) == 10
    screenshot(page, "recovery-codes")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the codes").click()
    assert codes[0] in open(download.value.path()).read()
    page.get_by_role("button", name=re.compile("I have saved them")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    screenshot(page, "dashboard")

    # Signing in again: the password leads to the code, then the dashboard.
    sign_out(page)
    assert admin_sign_in(page, ADMIN["username"], ADMIN["password"]) == (None, [])
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    page.get_by_label("Code").fill(authenticator(secret, steps_ahead=1))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # A recovery code instead of the app, once.
    sign_out(page)
    admin_sign_in(page, ADMIN["username"], ADMIN["password"])
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_text("You used a recovery code; 9 left.")).to_be_visible()

    sign_out(page)
    admin_sign_in(page, ADMIN["username"], ADMIN["password"])
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(
        page.locator(".messages").get_by_text("That code is not right")
    ).to_be_visible()
    screenshot(page, "recovery-code-used")
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))


def test_the_page_editor_works_under_the_content_security_policy(
    admin, page, screenshot, admin_sign_in, csp_violations
):
    violations = csp_violations(page)
    admin_sign_in(page, ADMIN["username"], ADMIN["password"])
    # An English item: a Spanish one opens in the translation editor.
    news = NewsPage.objects.live().filter(locale=Locale.get_default())
    news = news.order_by("-date").first()
    page.goto(f"/admin/pages/{news.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(news.title)

    body = page.locator('[data-contentpath="body"]')
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name=re.compile("Rich text", re.IGNORECASE)).click()
    editor = body.locator('[contenteditable="true"]').first
    editor.click()
    page.keyboard.type("A paragraph added under the policy.")
    screenshot(page, "editor-block-added")
    page.get_by_role("button", name=re.compile("Save draft", re.IGNORECASE)).click()
    expect(page.get_by_text(re.compile("updated"))).to_be_visible()
    screenshot(page, "editor-saved")
    page.goto(f"/admin/pages/{news.pk}/edit/preview/?mode=")

    events = page.evaluate("window.__cspViolations || []")
    assert not violations, violations
    assert not events, events
    assert news.get_latest_revision().content["body"]


def test_public_pages_report_no_csp_violation(demo_site, page, csp_violations):
    violations = csp_violations(page)
    news = NewsPage.objects.live().order_by("-date").first()
    for path in [
        "/",
        "/es/",
        "/news/",
        news.url,
        "/publications/",
        "/events/",
        "/regions/",
        "/search/?q=water",
        "/join/",
        "/bulletin/",
        "/membership/",
    ]:
        response = page.goto(path)
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        events = page.evaluate("window.__cspViolations || []")
        assert not events, (path, events)
    assert not violations, violations
