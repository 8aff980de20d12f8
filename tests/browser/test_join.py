"""Someone joins in Chromium: mistakes shown beside the fields and in the
summary at the top, nothing typed lost, then the link from the email, the
Confirm button and how to pay. axe checks every page on the way."""

import re
import time

import pytest
from playwright.sync_api import expect

from psg.core.forms import started_token
from psg.members.models import Member

pytestmark = pytest.mark.browser

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/join/confirm/[^/\s]+/)")
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth"


def backdate_form(page):
    """People take more than a few seconds over the form; tests don't."""
    page.locator('input[name="started"]').evaluate(
        "(input, value) => { input.value = value; }", started_token(time.time() - 60)
    )


def test_joining_with_mistakes_then_confirming_from_the_email(page, step, smtp_server):
    # "Become a member" in the sidebar leads to the form.
    page.goto("/")
    page.get_by_role("complementary").get_by_role(
        "link", name=re.compile("Become a member")
    ).click()
    expect(page).to_have_url(re.compile(r"/join/$"))
    expect(page.locator("h1")).to_have_text("Join the Peru Support Group")
    expect(page.get_by_role("link", name="privacy notice")).to_have_attribute(
        "href", "/privacy/"
    )
    consent = page.get_by_label("Send me the PSG bulletin by email.")
    expect(consent).not_to_be_checked()
    step(page, "join-form")

    # A first go with mistakes: no organisation name for an organisation,
    # a mistyped email, no postcode, no way to pay chosen.
    page.get_by_role("group", name="Membership type").get_by_role(
        "radio", name=re.compile("^Organisation")
    ).check()
    page.get_by_label("Full name").fill("Ñahui Quispe Mamani")
    page.get_by_label("Email address").fill("nahui.example.org")
    page.get_by_label("Address line 1").fill("Jirón Junín 123")
    page.get_by_label("Town or city").fill("London")
    consent.check()
    page.get_by_role("button", name="Join").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Enter the name of your organisation",
            "Enter an email address in the correct format, like name@example.com",
            "Enter your postcode",
            "Choose how you will pay",
        ]
    )
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator("#id_organisation_error")).to_contain_text(
        "Enter the name of your organisation"
    )
    expect(page.locator("#id_email_error")).to_contain_text(
        "Enter an email address in the correct format"
    )
    expect(page.locator("#id_postcode_error")).to_contain_text("Enter your postcode")
    expect(page.locator("#id_payment_method_error")).to_contain_text(
        "Choose how you will pay"
    )
    # The field describes itself with its error, for screen readers.
    expect(page.get_by_label("Email address")).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_email_error\b")
    )
    # Everything typed is still there.
    expect(page.get_by_label("Full name")).to_have_value("Ñahui Quispe Mamani")
    expect(page.get_by_label("Email address")).to_have_value("nahui.example.org")
    expect(page.get_by_label("Address line 1")).to_have_value("Jirón Junín 123")
    expect(page.get_by_label("Town or city")).to_have_value("London")
    expect(page.get_by_role("radio", name=re.compile("^Organisation"))).to_be_checked()
    expect(consent).to_be_checked()
    step(page, "join-errors")

    # A link in the summary takes you to the field.
    summary.get_by_role("link", name="Enter your postcode").click()
    expect(page.get_by_label("Postcode")).to_be_focused()

    # Put right and sent again.
    page.get_by_label("Postcode").fill("n1 9zq")
    page.get_by_label("Organisation name").fill("Asociación Quechua UK")
    page.get_by_label("Email address").fill("nahui+psg@example.org")
    page.get_by_label("Bank transfer").check()
    backdate_form(page)
    page.get_by_role("button", name="Join").click()

    expect(page).to_have_url(re.compile(r"/join/sent/$"))
    expect(page.locator("h1")).to_have_text("Check your email")
    step(page, "join-sent")

    # The link from the email opens a page with a Confirm button.
    [received] = smtp_server.messages
    assert received["to"] == ["nahui+psg@example.org"]
    text = received["message"].get_body(("plain",)).get_content()
    path = CONFIRM_LINK.search(text).group(1)
    page.goto(path)
    expect(page.locator("h1")).to_have_text("Confirm your membership")
    details = page.locator(".summary")
    expect(details).to_contain_text("Asociación Quechua UK")
    expect(details).to_contain_text("Ñahui Quispe Mamani")
    expect(details).to_contain_text("N1 9ZQ")
    expect(details).to_contain_text("Bank transfer")
    step(page, "join-confirm")
    assert not Member.objects.exists()

    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/join/done/[^/]+/$"))
    expect(page.locator("h1")).to_have_text("Welcome to the Peru Support Group")
    member = Member.objects.get()
    assert member.organisation == "Asociación Quechua UK"
    assert member.status == Member.Status.AWAITING_PAYMENT
    assert member.bulletin_consent is True
    how_to_pay = page.get_by_role("region", name="How to pay")
    expect(how_to_pay).to_contain_text(member.payment_reference)
    expect(how_to_pay).to_contain_text("£60.00 a year")
    step(page, "join-done")
    assert len(smtp_server.messages) == 2


def test_the_join_form_fits_a_small_phone(new_context, step):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto("/join/")

    assert page.evaluate(NO_HORIZONTAL_SCROLL) <= 320
    step(page, "join-form-320")
