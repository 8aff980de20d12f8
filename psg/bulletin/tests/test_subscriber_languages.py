"""Subscribers' languages: asked on the sign-up form, the confirmation in
it over real SMTP, kept once confirmed; a member's row follows the member;
the membership secretary sees and sets it."""

import pytest

from django.urls import reverse
from django.utils import translation

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.bulletin.subscribe.forms import SubscribeForm
from psg.core.tests.helpers import text_of
from psg.members.models import Consent
from psg.members.tests.factories import MemberFactory, secretary_user

from .subscriber_factories import SubscriberFactory
from .test_subscribe import confirm_path, submit

pytestmark = pytest.mark.django_db


def test_the_form_offers_the_pages_language_first(site):
    series = list(BulletinSeries.objects.filter(is_open=True))
    with translation.override("es"):
        assert SubscribeForm(series=series)["language"].value() == "es"
    assert SubscribeForm(series=series)["language"].value() == "en-gb"


def test_a_spanish_sign_up_is_confirmed_in_spanish_and_kept(client, site, smtp_server):
    submit(client, email="rosa@ejemplo.pe", language="es")

    [received] = smtp_server.messages
    assert received["message"]["Subject"].strip() == (
        "Confirme su suscripción al boletín del Peru Support Group"
    )
    assert "Confirm your subscription" not in text_of(received)
    subscriber = Subscriber.objects.get(email="rosa@ejemplo.pe")
    assert subscriber.language == "es"

    client.post(confirm_path(received))

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.language == "es"


def test_confirming_a_known_address_sets_the_language_it_asked_for(
    client, site, smtp_server
):
    SubscriberFactory(
        email="ann@example.org", status=Subscriber.Status.UNSUBSCRIBED, series=[]
    )
    submit(client, email="ann@example.org", language="es")
    # Asking alone changes nothing: whoever typed the address may not own it.
    assert Subscriber.objects.get(email="ann@example.org").language == "en-gb"

    client.post(confirm_path(smtp_server.messages[0]))

    assert Subscriber.objects.get(email="ann@example.org").language == "es"


def test_a_members_subscriber_row_follows_the_members_language(site):
    member = MemberFactory(email="rosa@ejemplo.pe")
    member.record_consent(
        Consent.Kind.BULLETIN, True, "Send me the bulletin.", "1", "member"
    )
    assert Subscriber.objects.get(member=member).language == "en-gb"

    member.language = "es"
    member.save()

    assert Subscriber.objects.get(member=member).language == "es"


def test_the_secretary_sees_and_sets_a_subscribers_language(client, site):
    client.force_login(secretary_user())
    update = BulletinSeries.objects.get(slug="update")
    subscriber = SubscriberFactory(email="rosa@ejemplo.pe", series=[update])

    listing = reverse("bulletin_subscribers:index")
    assert "Spanish" not in client.get(listing).content.decode()
    response = client.post(
        reverse("bulletin_subscribers:edit", args=[subscriber.pk]),
        {
            "email": subscriber.email,
            "name": subscriber.name,
            "language": "es",
            "status": "subscribed",
            "series": [str(update.pk)],
            "soft_bounce_count": "0",
        },
    )

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "es"
    assert "Spanish" in client.get(listing).content.decode()


def test_a_subscriber_changes_their_language_on_their_own_page(client, site):
    update = BulletinSeries.objects.get(slug="update")
    member = MemberFactory(email="rosa@ejemplo.pe")
    subscriber = SubscriberFactory(email=member.email, member=member, series=[update])
    page = reverse("bulletin-unsubscribe", args=[subscriber.unsubscribe_token])
    assert '<option value="en-gb" selected>English</option>' in (
        client.get(page).content.decode()
    )

    response = client.post(page, {"language": "es", "set_language": "1"})

    assert "Your choice of language is saved." in response.content.decode()
    subscriber.refresh_from_db()
    member.refresh_from_db()
    # Still subscribed: only the language changed, the member's with it.
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert list(subscriber.series.all()) == [update]
    assert (subscriber.language, member.language) == ("es", "es")
