"""Someone chooses bulletins in Chromium: the sign-up form's series, a
mistake shown in the summary, the Confirm button, then the personal link's
page keeping one series and leaving another. axe checks every page."""

import re
import time

import pytest
from playwright.sync_api import expect

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.bulletin.unsubscribe import unsubscribe_url
from psg.core.forms import started_token

pytestmark = pytest.mark.browser

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/bulletin/subscribe/confirm/[^/\s]+/)")
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth"


def backdate_form(page):
    """People take more than a few seconds over the form; tests don't."""
    page.locator('input[name="started"]').evaluate(
        "(input, value) => { input.value = value; }", started_token(time.time() - 60)
    )


@pytest.fixture
def two_open_series(demo_site):
    peru_news = BulletinSeries.objects.get(slug="peru-news")
    peru_news.is_open = True
    peru_news.description = "A monthly digest of the news from Peru."
    peru_news.save()
    return BulletinSeries.objects.get(slug="update"), peru_news


def test_choosing_bulletins_then_keeping_one(page, step, smtp_server, two_open_series):
    update, peru_news = two_open_series
    page.goto("/bulletin/subscribe/")
    choices = page.get_by_role("group", name="Which bulletins?")
    expect(choices.get_by_role("checkbox", name="Update")).to_be_checked()
    expect(choices.get_by_role("checkbox", name="Peru News")).to_be_checked()
    expect(choices).to_contain_text("A monthly digest of the news from Peru.")
    step(page, "subscribe-form")

    # Nothing chosen: said at the top and beside the boxes.
    page.get_by_label("Email address").fill("lucia@example.org")
    choices.get_by_role("checkbox", name="Update").uncheck()
    choices.get_by_role("checkbox", name="Peru News").uncheck()
    backdate_form(page)
    page.get_by_role("button", name="Subscribe").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(["Choose at least one bulletin"])
    expect(page.get_by_label("Email address")).to_have_value("lucia@example.org")
    step(page, "subscribe-errors")
    summary.get_by_role("link").click()
    expect(page.get_by_role("checkbox", name="Peru News")).to_be_focused()

    page.get_by_role("checkbox", name="Peru News").check()
    backdate_form(page)
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator("h1")).to_have_text("Check your email")

    [received] = smtp_server.messages
    text = received["message"].get_body(("plain",)).get_content()
    assert "You asked for: Peru News." in text
    page.goto(CONFIRM_LINK.search(text).group(1))
    expect(page.locator("main")).to_contain_text("You asked for Peru News.")
    step(page, "subscribe-confirm")
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("h1")).to_have_text("You are subscribed")
    subscriber = Subscriber.objects.get(email="lucia@example.org")
    assert list(subscriber.series.all()) == [peru_news]

    # Later they take the Update too, then leave Peru News from its message.
    subscriber.subscriptions.create(series=update)
    link = unsubscribe_url(subscriber, peru_news)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    keep = page.get_by_role("group", name="Keep getting")
    expect(keep.get_by_role("checkbox", name="Peru News")).not_to_be_checked()
    expect(keep.get_by_role("checkbox", name="Update")).to_be_checked()
    step(page, "unsubscribe-choose")
    page.get_by_role("button", name="Save my choice").click()

    expect(page.locator("h1")).to_have_text("Your choice is saved")
    expect(page.locator("main")).to_contain_text("We will send only Update")
    step(page, "unsubscribe-saved")
    assert list(subscriber.series.all()) == [update]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED


def test_the_series_choice_fits_a_small_phone(new_context, step, two_open_series):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto("/bulletin/subscribe/")

    assert page.evaluate(NO_HORIZONTAL_SCROLL) <= 320
    step(page, "subscribe-form-320")
