"""Members in Spanish: the join form asks, every email to a member comes in
their language (through a real SMTP server), they change it, the membership
secretary sees and sets it."""

import datetime

import pytest

from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from psg.core.tests.helpers import text_of
from psg.members import renewals
from psg.members.account.emails import signin_token
from psg.members.join.applications import shown_wordings
from psg.members.join.forms import JoinForm
from psg.members.models import CONTACT_FIELDS, Member, MembershipSettings
from psg.members.tests.factories import MemberFactory, secretary_user
from psg.members.tests.join_helpers import confirm_path, submit

pytestmark = pytest.mark.django_db


def html_part(received):
    return received["message"].get_body(("html",)).get_content()


def test_the_join_form_offers_the_pages_language_first(site):
    wordings = shown_wordings(MembershipSettings.for_site(site))
    english = JoinForm(wordings=wordings)
    with translation.override("es"):
        spanish = JoinForm(wordings=wordings)
        page = spanish["language"].as_widget()

    assert english["language"].value() == "en-gb"
    assert spanish["language"].value() == "es"
    assert '<option value="es" selected>Español</option>' in page
    assert '<option value="en-gb">Inglés</option>' in page


def test_a_spanish_join_gets_spanish_emails_and_a_spanish_member(
    client, site, smtp_server
):
    submit(client, language="es", email="rosa@ejemplo.pe")

    [confirmation] = smtp_server.messages
    assert confirmation["message"]["Subject"] == (
        "Confirme su membresía del Peru Support Group"
    )
    assert "Para confirmar su membresía, abra este enlace" in text_of(confirmation)
    assert '<html lang="es">' in html_part(confirmation)

    client.post(confirm_path(confirmation))

    member = Member.objects.get(email="rosa@ejemplo.pe")
    assert member.language == "es"
    welcome = smtp_server.messages[1]
    assert welcome["message"]["Subject"] == (
        "Bienvenido/a al Peru Support Group: cómo pagar"
    )
    assert "Welcome" not in text_of(welcome)


def test_an_english_join_from_the_spanish_form_stays_english(client, site, smtp_server):
    with translation.override("es"):
        submit(client, language="en-gb", email="ann@example.org")

    [confirmation] = smtp_server.messages
    assert confirmation["message"]["Subject"] == (
        "Confirm your membership of the Peru Support Group"
    )


def test_an_existing_member_is_answered_in_their_own_language(
    client, site, smtp_server
):
    MemberFactory(email="rosa@ejemplo.pe", language="es")

    submit(client, language="en-gb", email="rosa@ejemplo.pe")

    [answer] = smtp_server.messages
    assert "Manage my membership" not in answer["message"]["Subject"]
    assert '<html lang="es">' in html_part(answer)


def test_the_sign_in_link_task_writes_in_the_members_language(
    client, site, smtp_server
):
    member = MemberFactory(email="rosa@ejemplo.pe", language="es")

    client.post(reverse("membership-sign-in"), {"email": member.email})

    [received] = smtp_server.messages
    # A long encoded subject may be folded: compare it unfolded.
    assert received["message"]["Subject"].strip() == (
        "Su enlace para gestionar su membresía del Peru Support Group"
    )


def test_renewal_reminders_go_in_each_members_language(site, smtp_server):
    end = timezone.localdate() + datetime.timedelta(days=30)
    MemberFactory(
        email="rosa@ejemplo.pe",
        language="es",
        status=Member.Status.ACTIVE,
        current_period_end=end,
    )
    MemberFactory(
        email="ann@example.org", status=Member.Status.ACTIVE, current_period_end=end
    )

    # In a request in Spanish or in the worker: the row decides.
    with translation.override("es"):
        renewals.run_renewals(today=timezone.localdate(), now=timezone.now())

    subjects = {
        m["to"][0]: m["message"]["Subject"].strip() for m in smtp_server.messages
    }
    with translation.override("es"):
        spanish_end = date_format(end, "DATE_FORMAT")
    assert subjects == {
        "rosa@ejemplo.pe": (
            f"Su membresía del Peru Support Group termina el {spanish_end}"
        ),
        "ann@example.org": (
            f"Your Peru Support Group membership ends on {end.day} {end:%B %Y}"
        ),
    }


def test_a_member_changes_their_language_on_my_details(client, site):
    member = MemberFactory(email="rosa@ejemplo.pe")
    client.post(reverse("membership-sign-in-confirm", args=[signin_token(member)]))
    details = client.get(reverse("membership-edit")).content.decode()
    assert '<option value="en-gb" selected>English</option>' in details

    data = {
        key: ("" if value is None else value)
        for key, value in model_to_dict(member, fields=CONTACT_FIELDS).items()
    }
    response = client.post(
        reverse("membership-edit"), {**data, "country": "GB", "language": "es"}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "es"


def test_the_secretary_sees_and_sets_a_members_language(client, site):
    client.force_login(secretary_user())
    member = MemberFactory(name="Rosa Quispe", language="es")
    url = reverse("desk_members:edit", args=[member.pk])

    page = client.get(url).content.decode()
    assert 'name="language"' in page
    assert '<option value="es" selected>Spanish</option>' in page

    form = client.get(url).context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() is not None
    }
    data.update(language="en-gb", joined=member.joined.isoformat())
    data = {k: v for k, v in data.items() if not isinstance(v, bool) or v}
    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    member.refresh_from_db()
    assert member.language == "en-gb"
