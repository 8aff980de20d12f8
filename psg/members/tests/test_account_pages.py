"""What a signed-in member can do at /membership/: details, emails, cancelling,
erasure."""

import pytest

from django.urls import reverse

from psg.members.models import (
    Consent,
    ErasureLog,
    Member,
    MembershipSettings,
    PaymentMethod,
)
from psg.members.tests.factories import MemberFactory
from psg.members.tests.test_account import HOME, SIGN_IN, sign_in

pytestmark = pytest.mark.django_db

EDIT = reverse("membership-edit")
CONSENTS = reverse("membership-consents")
CANCEL = reverse("membership-cancel")
ERASE = reverse("membership-erase")


@pytest.fixture
def member(site):
    return MemberFactory(
        name="Ñahui Quispe Mamani",
        organisation="",
        email="nahui@example.org",
        telephone="020 7946 0000",
        address_line_1="1 Example Street",
        town="London",
        postcode="N1 1AA",
        country="GB",
        status=Member.Status.ACTIVE,
        payment_method=PaymentMethod.STANDING_ORDER,
    )


@pytest.fixture
def signed_in(client, member):
    sign_in(client, member)
    return client


def details(**changes):
    data = {
        "name": "Ñahui Quispe Mamani",
        "organisation": "",
        "email": "nahui@example.org",
        "telephone": "020 7946 0000",
        "address_line_1": "1 Example Street",
        "address_line_2": "",
        "town": "London",
        "county": "",
        "postcode": "N1 1AA",
        "country": "GB",
    }
    data.update(changes)
    return data


# Details ----------------------------------------------------------------------


def test_the_details_form_is_grouped_and_labelled(signed_in):
    html = signed_in.get(EDIT).content.decode()

    for legend in ("Your name", "How to reach you", "Postal address"):
        assert f"<legend>{legend}</legend>" in html
    assert '<label for="id_name">Name</label>' in html
    assert 'value="Ñahui Quispe Mamani"' in html
    assert 'autocomplete="postal-code"' in html


def test_a_member_corrects_their_details(signed_in, member):
    response = signed_in.post(
        EDIT,
        details(
            name="Ñahui Quispe Mamani",
            organisation="Red Muqui",
            email="Nahui.Quispe+psg@Correo.Example",
            telephone="+51 84 123456",
            town="Cusco",
            postcode="08002",
            country="PE",
        ),
        follow=True,
    )

    assert response.redirect_chain == [(HOME, 302)]
    html = response.content.decode()
    assert "Your details have been saved." in html
    assert "Red Muqui" in html
    member.refresh_from_db()
    # The domain is lower-cased, the local part kept as typed.
    assert member.email == "Nahui.Quispe+psg@correo.example"
    assert member.organisation == "Red Muqui"
    assert member.telephone == "+51 84 123456"
    assert member.country.code == "PE"


def test_an_idn_address_is_accepted(signed_in, member):
    signed_in.post(EDIT, details(email="quispe@perú.example"))

    member.refresh_from_db()
    assert member.email == "quispe@xn--per-boa.example"  # the ASCII form


def test_bad_input_is_shown_again_with_errors_beside_the_fields(signed_in, member):
    too_long = "Q" * 201
    response = signed_in.post(
        EDIT,
        details(name=too_long, email="not-an-address", telephone="+51 84 123456"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    # Nothing typed is lost.
    assert f'value="{too_long}"' in html
    assert 'value="not-an-address"' in html
    assert 'value="+51 84 123456"' in html
    # Each error sits by its field and is tied to it for screen readers.
    assert 'id="id_name_error"' in html
    assert "Ensure this value has at most 200 characters (it has 201)." in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_email_error"' in html
    assert "Enter an email address in the correct format" in html
    assert '<a href="#id_name">' in html  # the summary links to the field
    member.refresh_from_db()
    assert member.name == "Ñahui Quispe Mamani"
    assert member.telephone == "020 7946 0000"


def test_a_name_is_required(signed_in, member):
    response = signed_in.post(EDIT, details(name="  "))

    assert "This field is required." in response.content.decode()
    member.refresh_from_db()
    assert member.name == "Ñahui Quispe Mamani"


def test_markup_in_details_is_shown_as_text(signed_in, member):
    signed_in.post(
        EDIT,
        details(
            name='<script>alert("x")</script> Quispe',
            organisation="<b>Bold</b> & Co",
        ),
    )

    html = signed_in.get(HOME).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Quispe" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html
    member.refresh_from_db()
    assert member.name == '<script>alert("x")</script> Quispe'


def test_an_email_another_member_uses_is_refused(signed_in, member):
    MemberFactory(email="rosa@example.org")

    response = signed_in.post(EDIT, details(email="ROSA@Example.org"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Another membership uses this email address." in html
    assert 'value="ROSA@Example.org"' in html
    member.refresh_from_db()
    assert member.email == "nahui@example.org"


def test_keeping_ones_own_email_in_another_case_is_fine(signed_in, member):
    response = signed_in.post(EDIT, details(email="NAHUI@example.org"))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "NAHUI@example.org"


# Emails from us (consents) ------------------------------------------------------


def test_consents_are_recorded_with_the_wording_and_version_shown(
    signed_in, member, site
):
    page = signed_in.get(CONSENTS).content.decode()
    assert "<legend>Send me</legend>" in page
    assert "Send me the PSG bulletin by email." in page
    assert "Nothing recorded yet." in page

    signed_in.post(CONSENTS, {"bulletin": "on"})

    [consent] = member.consents.all()
    assert consent.kind == Consent.Kind.BULLETIN
    assert consent.given is True
    assert consent.wording == "Send me the PSG bulletin by email."
    assert consent.wording_version == "2026-1"
    assert consent.source == Consent.Source.MEMBER
    member.refresh_from_db()
    assert member.bulletin_consent is True
    assert member.events_consent is False

    # New wording: saving again records the "yes" under it.
    settings_ = MembershipSettings.for_site(site)
    settings_.bulletin_consent_wording = "Email me the PSG bulletin, monthly."
    settings_.consent_wording_version = "2026-2"
    settings_.save()
    signed_in.post(CONSENTS, {"bulletin": "on"})
    # Then a change of mind.
    response = signed_in.post(CONSENTS, {"events": "on"}, follow=True)

    history = list(
        member.consents.order_by("recorded_at", "pk").values_list(
            "kind", "given", "wording_version", "wording"
        )
    )
    assert history == [
        ("bulletin", True, "2026-1", "Send me the PSG bulletin by email."),
        ("bulletin", True, "2026-2", "Email me the PSG bulletin, monthly."),
        ("bulletin", False, "2026-2", "Email me the PSG bulletin, monthly."),
        ("events", True, "2026-2", "Send me news of PSG events by email."),
    ]
    member.refresh_from_db()
    assert (member.bulletin_consent, member.events_consent) == (False, True)
    html = response.content.decode()
    assert "Your choices have been saved." in html
    assert "version 2026-1" in html
    assert "version 2026-2" in html
    assert "The member, online" in html


def test_saving_unchanged_choices_records_nothing(signed_in, member):
    signed_in.post(CONSENTS, {"events": "on"})
    response = signed_in.post(CONSENTS, {"events": "on"}, follow=True)

    assert member.consents.count() == 1
    assert "Nothing has changed." in response.content.decode()


# Cancelling -----------------------------------------------------------------------


def test_cancelling_asks_for_confirmation(signed_in, member):
    page = signed_in.get(CANCEL).content.decode()
    assert "please also cancel it with your bank" in page

    unconfirmed = signed_in.post(CANCEL, {})
    assert unconfirmed.status_code == 200
    assert "Tick the box to confirm." in unconfirmed.content.decode()
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE

    response = signed_in.post(CANCEL, {"confirm": "on"}, follow=True)

    assert "Your membership has been cancelled." in response.content.decode()
    member.refresh_from_db()
    assert member.status == Member.Status.CANCELLED
    assert "Your membership is cancelled." in signed_in.get(CANCEL).content.decode()


# Erasing -----------------------------------------------------------------------


def test_erasing_asks_for_confirmation_then_erases_and_signs_out(signed_in, member):
    assert "cannot be undone" in signed_in.get(ERASE).content.decode()
    signed_in.post(ERASE, {})
    member.refresh_from_db()
    assert member.erased_at is None

    response = signed_in.post(ERASE, {"confirm": "on"})

    assert response.status_code == 200
    assert "Your data has been erased" in response.content.decode()
    assert "Quispe" not in response.content.decode()
    member.refresh_from_db()
    assert member.erased_at is not None
    assert member.email == f"erased-{member.pk}@invalid"
    assert member.status == Member.Status.CANCELLED
    [log] = ErasureLog.objects.all()
    assert (log.member_number, log.requested_by) == (member.pk, "member")
    assert signed_in.get(HOME)["Location"] == SIGN_IN
