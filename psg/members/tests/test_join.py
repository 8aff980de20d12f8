"""Joining at /join/: the form, the confirmation email, the member it makes,
and how to pay; an address that is already a member's; a failed email."""

import re
from decimal import Decimal

import pytest

from django.utils import timezone

from psg.core.tests.helpers import html_of, page_text, text_of
from psg.members.models import (
    Consent,
    GiftAidDeclaration,
    JoinApplication,
    Member,
    MembershipSettings,
    MembershipType,
)
from psg.members.tests.factories import MemberFactory
from psg.members.tests.join_helpers import (
    JOIN_URL,
    SENT_URL,
    confirm_path,
    membership_type,
    submit,
)
from psg.members.tokens import JOIN_SALT, read_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank_details(site):
    settings = MembershipSettings.for_site(site)
    settings.bank_name = "Unity Trust Bank"
    settings.sort_code = "60-83-01"
    settings.account_number = "20123456"
    settings.iban = "GB12UNTY60830120123456"
    settings.bic = "UNTYGB22"
    settings.cheques_payable_to = "Peru Support Group"
    settings.cheque_address = "PSG Membership\nPO Box 70412\nLondon N1 9ZQ"
    settings.secretary_email = "membership@perusupportgroup.org.uk"
    settings.save()
    return settings


# The form page


def test_join_page_offers_the_active_types_with_fees_and_descriptions(client):
    MembershipType.objects.create(
        name="Life", annual_fee=Decimal("500.00"), is_active=False
    )

    response = client.get(JOIN_URL)

    assert response.status_code == 200
    text = page_text(response)
    assert "Join the Peru Support Group" in text
    assert "Individual : £25.00 a year" in text
    assert "Concession : £10.00 a year" in text
    assert "Organisation : £60.00 a year" in text
    assert "For students and people who are unwaged." in text
    assert "Life" not in text
    assert "£500" not in text


def test_join_page_is_private_and_carries_a_csrf_token(client):
    response = client.get(JOIN_URL)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_consents_and_gift_aid_are_unticked_and_show_the_settings_wordings(
    client, site
):
    settings = MembershipSettings.for_site(site)
    settings.bulletin_consent_wording = "Email me the PSG bulletin."
    settings.save()

    html = client.get(JOIN_URL).content.decode()

    for name in ("gift_aid", "bulletin_consent", "events_consent"):
        checkbox = re.search(rf'<input type="checkbox" name="{name}"[^>]*>', html)
        assert checkbox, name
        assert "checked" not in checkbox.group(0)
    assert "Email me the PSG bulletin." in html
    assert settings.events_consent_wording in html
    assert settings.gift_aid_wording in html
    assert 'href="/privacy/"' in html


def test_join_form_is_labelled_grouped_and_autocompletes(client):
    html = client.get(JOIN_URL).content.decode()

    for field, autocomplete in [
        ("name", "name"),
        ("email", "email"),
        ("organisation", "organization"),
        ("address_line_1", "address-line1"),
        ("address_line_2", "address-line2"),
        ("town", "address-level2"),
        ("county", "address-level1"),
        ("postcode", "postal-code"),
        ("country", "country"),
    ]:
        assert f'<label class="field__label" for="id_{field}">' in html
        element = re.search(rf'<(input|select)[^>]*name="{field}"[^>]*>', html)
        assert f'autocomplete="{autocomplete}"' in element.group(0), field
    assert re.search(r'<input type="email" name="email"', html)
    assert html.count("<fieldset") >= 4
    assert '<legend class="fieldset__legend">Membership type</legend>' in html
    assert '<legend class="fieldset__legend">How will you pay?</legend>' in html
    # Hints are tied to their fields.
    assert 'aria-describedby="id_email_helptext"' in html
    assert 'id="id_email_helptext"' in html
    # The trap field is out of sight, out of the tab order and never filled in.
    trap = re.search(
        r'<div class="form-extra" aria-hidden="true">.*?</div>', html, re.S
    )
    assert 'tabindex="-1"' in trap.group(0)
    assert 'autocomplete="off"' in trap.group(0)


# The whole path: join, email, confirm, member, how to pay


def test_joining_confirming_and_being_told_how_to_pay(
    client, smtp_server, bank_details
):
    response = submit(
        client,
        gift_aid="on",
        bulletin_consent="on",
        payment_method="standing-order",
    )

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    sent_page = client.get(SENT_URL)
    assert "Check your email" in page_text(sent_page)
    assert "no-store" in sent_page["Cache-Control"]

    # Stored as an application with the wordings shown, not as a member.
    assert not Member.objects.exists()
    application = JoinApplication.objects.get()
    assert application.email == "rosa+psg@example.org"
    assert application.data["name"] == "Rosa Quispe Mamani"
    assert application.data["postcode"] == "N1 9ZQ"
    assert application.data["shown"] == {
        "gift_aid_wording": bank_details.gift_aid_wording,
        "gift_aid_wording_version": "2026-1",
        "bulletin_consent_wording": "Send me the PSG bulletin by email.",
        "events_consent_wording": "Send me news of PSG events by email.",
        "consent_wording_version": "2026-1",
    }

    # One email, text and HTML, with the link in both.
    [received] = smtp_server.messages
    assert received["to"] == ["rosa+psg@example.org"]
    message = received["message"]
    assert message["Subject"] == "Confirm your membership of the Peru Support Group"
    assert message["Reply-To"] == "membership@perusupportgroup.org.uk"
    path = confirm_path(received)
    assert f"http://testserver{path}" in html_of(received)
    # The link names the application, not the person (links end up in logs).
    token = path.split("/")[3]
    assert read_token(JOIN_SALT, token, 60)[0] == {
        "a": application.pk,
        "r": application.data["payment_reference"],
    }
    assert "Individual membership, £25.00 a year" in text_of(received)

    # Opening the link changes nothing: it shows the details and a button.
    page = client.get(path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    text = page_text(page)
    assert "Confirm your membership" in text
    assert "Rosa Quispe Mamani" in text
    assert "Individual, £25.00 a year" in text
    assert "Standing order" in text
    html = page.content.decode()
    assert re.search(r'<form method="post"[^>]*>', html)
    assert '<button type="submit">Confirm</button>' in html
    assert not Member.objects.exists()
    assert JoinApplication.objects.count() == 1

    # Pressing Confirm makes the member and shows how to pay.
    confirmed = client.post(path, follow=True)

    assert confirmed.status_code == 200
    [(done_url, status)] = confirmed.redirect_chain
    assert status == 302
    assert done_url.startswith("/join/done/")
    member = Member.objects.get()
    assert member.name == "Rosa Quispe Mamani"
    assert member.email == "rosa+psg@example.org"
    assert member.status == Member.Status.AWAITING_PAYMENT
    assert member.joined == timezone.localdate()
    assert member.membership_type == membership_type()
    assert member.payment_method == "standing-order"
    assert member.postcode == "N1 9ZQ"
    assert member.payment_reference == application.data["payment_reference"]
    assert member.country.code == "GB"
    assert member.bulletin_consent is True
    assert member.events_consent is False
    assert not JoinApplication.objects.exists()

    consents = {consent.kind: consent for consent in member.consents.all()}
    assert set(consents) == {Consent.Kind.BULLETIN, Consent.Kind.EVENTS}
    bulletin, events = consents[Consent.Kind.BULLETIN], consents[Consent.Kind.EVENTS]
    assert bulletin.given is True
    assert bulletin.wording == "Send me the PSG bulletin by email."
    assert bulletin.wording_version == "2026-1"
    assert bulletin.source == Consent.Source.JOIN_FORM
    assert events.given is False
    assert events.wording == "Send me news of PSG events by email."
    assert events.source == Consent.Source.JOIN_FORM

    declaration = member.gift_aid_declaration
    assert declaration.wording == bank_details.gift_aid_wording
    assert declaration.wording_version == "2026-1"
    assert declaration.declared_at.date() == timezone.now().date()

    text = page_text(confirmed)
    assert "no-store" in confirmed["Cache-Control"]
    assert "Welcome to the Peru Support Group" in text
    assert member.payment_reference in text
    assert "£25.00 a year" in text
    assert "standing order for £25.00" in text
    for detail in ("60-83-01", "20123456", "GB12UNTY60830120123456", "UNTYGB22"):
        assert detail in text

    # The welcome email says the same.
    assert len(smtp_server.messages) == 2
    welcome = smtp_server.messages[1]
    assert welcome["to"] == ["rosa+psg@example.org"]
    assert welcome["message"]["Subject"] == (
        "Welcome to the Peru Support Group: how to pay"
    )
    for part in (text_of(welcome), html_of(welcome)):
        assert "Rosa Quispe Mamani" in part
        assert member.payment_reference in part
        assert "£25.00" in part
        assert "60-83-01" in part
        assert "20123456" in part
        assert "http://testserver/membership/sign-in/" in part


def test_no_gift_aid_and_no_consents_are_recorded_as_such(client, smtp_server):
    submit(client)
    client.post(confirm_path(smtp_server.messages[0]))

    member = Member.objects.get()
    assert not GiftAidDeclaration.objects.exists()
    assert sorted(member.consents.values_list("kind", "given")) == [
        ("bulletin", False),
        ("events", False),
    ]
    assert member.bulletin_consent is False
    assert member.events_consent is False


def test_wordings_are_those_shown_when_the_form_was_sent(client, smtp_server, site):
    submit(client, bulletin_consent="on")
    settings = MembershipSettings.for_site(site)
    settings.bulletin_consent_wording = "A new wording."
    settings.consent_wording_version = "2027-1"
    settings.save()

    client.post(confirm_path(smtp_server.messages[0]))

    consent = Member.objects.get().consents.get(kind=Consent.Kind.BULLETIN)
    assert consent.wording == "Send me the PSG bulletin by email."
    assert consent.wording_version == "2026-1"


def test_cheque_payers_are_told_whom_to_pay_and_where_to_send_it(
    client, smtp_server, bank_details
):
    submit(
        client,
        payment_method="cheque",
        membership_type=membership_type("Concession").pk,
    )

    response = client.post(confirm_path(smtp_server.messages[0]), follow=True)

    text = page_text(response)
    assert "Send a cheque for £10.00, payable to “Peru Support Group”" in text
    assert "PO Box 70412" in text
    assert "60-83-01" not in text
    welcome = text_of(smtp_server.messages[1])
    assert "Send a cheque for £10.00" in welcome
    assert "PSG Membership\nPO Box 70412\nLondon N1 9ZQ" in welcome


def test_without_bank_details_the_secretary_will_send_them(client, smtp_server):
    submit(client)

    response = client.post(confirm_path(smtp_server.messages[0]), follow=True)

    assert "The membership secretary will send you our bank details." in page_text(
        response
    )


def test_organisation_membership_keeps_the_organisation_and_contact(
    client, smtp_server
):
    submit(
        client,
        membership_type=membership_type("Organisation").pk,
        organisation="Asociación Pro Derechos Humanos",
        name="Ñahui Condori",
    )
    client.post(confirm_path(smtp_server.messages[0]))

    member = Member.objects.get()
    assert member.organisation == "Asociación Pro Derechos Humanos"
    assert member.name == "Ñahui Condori"
    assert member.membership_type.name == "Organisation"


def test_an_individual_does_not_keep_an_organisation_typed_in_by_the_way(
    client, smtp_server
):
    submit(client, organisation="Some Charity")
    client.post(confirm_path(smtp_server.messages[0]))

    assert Member.objects.get().organisation == ""


# An address that already belongs to a member


def test_a_member_joining_again_is_sent_a_sign_in_link_instead(client, smtp_server):
    member = MemberFactory(name="Rosa Quispe", email="Rosa+PSG@example.org")

    response = submit(client, email="rosa+psg@EXAMPLE.org", name="Someone Else")

    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert Member.objects.count() == 1
    assert not JoinApplication.objects.exists()
    [received] = smtp_server.messages
    assert received["to"] == [member.email]
    assert received["message"]["Subject"] == (
        "You are already a member of the Peru Support Group"
    )
    for part in (text_of(received), html_of(received)):
        assert "http://testserver/membership/sign-in/" in part
        assert "Rosa Quispe" in part  # the member's name, not what was typed
        assert "Someone Else" not in part
        assert "/join/confirm/" not in part


def test_known_and_new_addresses_get_the_same_answer(client, smtp_server):
    MemberFactory(email="known@example.org")

    known = submit(client, email="known@example.org")
    new = submit(client, email="new@example.org")

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known.content == new.content
    assert len(smtp_server.messages) == 2


# When email can't be sent


def test_when_the_email_cannot_be_sent_nothing_is_kept(client, settings):
    settings.EMAIL_BACKEND = "psg.core.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard: nothing listens
    settings.EMAIL_TIMEOUT = 2

    response = submit(client)

    assert response.status_code == 503
    assert "We could not send your email" in page_text(response)
    assert not JoinApplication.objects.exists()


def test_an_address_with_accents_before_the_at_gets_its_email_and_joins(
    client, smtp_server
):
    # The form accepts international addresses; they go over SMTPUTF8
    # (psg.core.smtp), not as an encoded word no server delivers to.
    response = submit(client, email="josé.pérez@ejemplo.pe")
    assert response.status_code == 302
    [received] = smtp_server.messages
    assert received["to"] == ["josé.pérez@ejemplo.pe"]
    client.post(confirm_path(received))
    assert Member.objects.get().email == "josé.pérez@ejemplo.pe"
