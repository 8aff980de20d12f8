"""An editor adds a news item through the Wagtail admin; a reader then finds it."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = pytest.mark.browser

EDITOR = {"username": "editor", "password": "a long editor passphrase"}
TITLE = "Community radio reporters win a press freedom award"
TEASER = "Three reporters from community radio in the Amazon are recognised for work."
PARAGRAPH = "The award recognises years of reporting on river pollution."


@pytest.fixture
def editor(demo_site, settings):
    # Wagtail autosaves the form in the background. At a test's speed an
    # autosave can land just before or after the Publish click and create the
    # page a second time, which fails on the slug; people are not that fast.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    return get_user_model().objects.create_superuser(
        email="editor@example.org", **EDITOR
    )


def log_in(page, admin_sign_in):
    # A first sign-in sets up two-factor sign-in (psg.staff).
    admin_sign_in(page, EDITOR["username"], EDITOR["password"])
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_editor_publishes_a_news_item_that_readers_then_see(
    editor, new_context, screenshot, step, admin_sign_in
):
    page = new_context().new_page()
    log_in(page, admin_sign_in)
    screenshot(page, "admin-dashboard")

    # Pages > the home page > All news > Add child page: the news item form.
    page.goto("/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'Peru Support Group'").click()
    page.get_by_role("link", name="Explore child pages of 'All news'").click()
    page.get_by_role("link", name="Add child page", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/news/newspage/\d+/$"))
    expect(page.locator("#id_title")).to_be_visible()
    screenshot(page, "news-item-form")

    page.locator("#id_title").fill(TITLE)
    page.locator("#id_date").fill(timezone.localdate().strftime("%d/%m/%Y"))
    page.keyboard.press("Escape")  # closes the date picker
    page.locator("#id_teaser").fill(TEASER)

    # The body: insert a rich text block and type into its Draftail editor.
    body = page.locator('[data-contentpath="body"]')
    body.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name=re.compile("Rich text", re.IGNORECASE)).click()
    body.locator('[contenteditable="true"]').click()
    page.keyboard.type(PARAGRAPH)
    # Draftail saves into the block's hidden input a moment after typing.
    expect(body.locator('input[name="body-0-value"]')).to_have_value(
        re.compile(re.escape(PARAGRAPH))
    )
    screenshot(page, "news-item-filled")

    # Publish lives in the footer's "more actions" menu.
    page.get_by_role("button", name="More actions").click()
    page.locator('button[name="action-publish"]').click()
    expect(
        page.get_by_text(re.compile(f"'{re.escape(TITLE)}'.*published"))
    ).to_be_visible()
    screenshot(page, "news-item-published")
    page.close()

    # A reader, in a browser of their own, finds it first on /news/.
    reader = new_context().new_page()
    reader.goto("/news/")
    newest = reader.locator(".listing .listing-item").first
    expect(newest.locator(".listing-item__title")).to_have_text(TITLE)
    expect(newest.locator(".listing-item__teaser")).to_have_text(TEASER)
    expect(newest.locator("time")).to_have_attribute(
        "datetime", timezone.localdate().isoformat()
    )
    newest.get_by_role("link", name=TITLE).click()
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator(".article__body p")).to_have_text(PARAGRAPH)
    step(reader, "reader-sees-news-item")
