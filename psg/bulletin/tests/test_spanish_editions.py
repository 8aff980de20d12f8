"""Spanish editions: sent with their English edition through a real SMTP
server, each subscriber receiving the number once, in their language; the
archive and the admin in both languages."""

import datetime

import pytest

from django.urls import reverse

from psg.bulletin import sending
from psg.bulletin.models import Delivery, Edition
from psg.bulletin.spanish import make_spanish_edition
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.bulletin.tests.subscriber_factories import SubscriberFactory
from psg.core.tests.helpers import page_text

pytestmark = pytest.mark.django_db

SPANISH_INTRODUCTION = "<p>Un mes de protestas en el sur.</p>"


@pytest.fixture
def send(smtp_server, fast_sending, django_capture_on_commit_callbacks):
    """Send an edition through a real SMTP server; returns how many
    recipients it had."""

    def send(edition):
        with django_capture_on_commit_callbacks(execute=True):
            return sending.start_sending(edition)

    send.received = lambda: received_by(smtp_server)
    return send


def received_by(smtp_server):
    """What each address received, as parsed messages."""
    result = {}
    for received in smtp_server.messages:
        for address in received["to"]:
            result.setdefault(address, []).append(received["message"])
    return result


def text(message):
    return message.get_body(("plain",)).get_content()


def html(message):
    return message.get_body(("html",)).get_content()


@pytest.fixture
def spanish_edition(edition_to_send):
    spanish, made = make_spanish_edition(edition_to_send)
    assert made
    spanish.introduction = SPANISH_INTRODUCTION
    spanish.is_ready = True
    spanish.save()
    return spanish


@pytest.fixture
def readers():
    return {
        "ana": SubscriberFactory(email="ana@example.org", language="en-gb"),
        "rosa": SubscriberFactory(email="rosa@ejemplo.pe", language="es"),
        "luis": SubscriberFactory(email="luis@ejemplo.pe", language="es"),
    }


def test_each_reader_gets_the_number_once_in_their_language(
    spanish_edition, readers, send
):
    english = spanish_edition.english_edition

    assert send(english) == 3

    received = send.received()
    assert sorted(received) == sorted(r.email for r in readers.values())
    assert all(len(messages) == 1 for messages in received.values())
    [to_ana] = received["ana@example.org"]
    assert to_ana["Subject"] == "Update 120 — 22 November 2026"
    assert "A month of protests in the south." in text(to_ana)
    assert '<html lang="en-gb">' in html(to_ana)
    for email in ("rosa@ejemplo.pe", "luis@ejemplo.pe"):
        [message] = received[email]
        assert message["Subject"] == "Update 120 — 22 de noviembre de 2026"
        assert "Un mes de protestas en el sur." in text(message)
        assert "A month of protests" not in text(message)
        assert '<html lang="es">' in html(message)
        assert "/bulletin/update/120/es/" in text(message)
        # The same Message-ID scheme: one per number and subscriber.
        assert message["Message-ID"] == Delivery.objects.get(email=email).message_id
    english.refresh_from_db()
    spanish_edition.refresh_from_db()
    assert english.status == spanish_edition.status == Edition.Status.SENT
    # Exactly once is the English edition's: one delivery per subscriber.
    assert Delivery.objects.count() == 3
    assert not Delivery.objects.filter(edition=spanish_edition).exists()


def test_without_a_spanish_edition_spanish_readers_get_the_english_one(
    edition_to_send, readers, send
):
    send(edition_to_send)

    received = send.received()
    assert sorted(received) == sorted(r.email for r in readers.values())
    for messages in received.values():
        [message] = messages
        assert message["Subject"] == "Update 120 — 22 November 2026"
        assert "A month of protests in the south." in text(message)


def test_a_spanish_edition_not_ready_stays_behind(spanish_edition, readers, send):
    spanish_edition.is_ready = False
    spanish_edition.save()

    send(spanish_edition.english_edition)

    [message] = send.received()["rosa@ejemplo.pe"]
    assert message["Subject"] == "Update 120 — 22 November 2026"
    spanish_edition.refresh_from_db()
    # Still a draft: it can be finished and marked archived later.
    assert spanish_edition.status == Edition.Status.DRAFT


def test_the_next_number_without_spanish_goes_in_english_to_everyone_once(
    spanish_edition, readers, send
):
    english = spanish_edition.english_edition
    send(english)
    next_one = EditionFactory(
        series=english.series, number=121, date=datetime.date(2026, 12, 20)
    )
    EditionItemFactory(edition=next_one, page=english.items.first().page)

    send(next_one)

    for messages in send.received().values():
        subjects = sorted(message["Subject"] for message in messages)
        assert len(subjects) == 2
        assert subjects[1] == "Update 121 — 20 December 2026"


def test_a_spanish_edition_is_not_sent_on_its_own(spanish_edition, readers):
    with pytest.raises(sending.SendingRefused, match="with its English edition"):
        sending.start_sending(spanish_edition)

    assert not Delivery.objects.exists()


def test_a_spanish_edition_of_the_same_number_is_refused_twice(spanish_edition):
    again, made = make_spanish_edition(spanish_edition.english_edition)

    assert not made
    assert again == spanish_edition
    assert Edition.objects.filter(series=spanish_edition.series).count() == 2


# The archive


def sent(*editions):
    Edition.objects.filter(pk__in=[e.pk for e in editions]).update(
        status=Edition.Status.SENT
    )


def test_the_archive_lists_the_number_once_with_its_spanish_edition(
    client, spanish_edition
):
    sent(spanish_edition.english_edition, spanish_edition)

    response = client.get(reverse("bulletin-archive"))

    body = " ".join(response.content.decode().split())
    assert body.count('href="/bulletin/update/120/"') == 1
    assert '<a href="/bulletin/update/120/es/" hreflang="es">in Spanish</a>' in body
    assert page_text(response).count("Update 120") == 1


def test_the_spanish_editions_page_is_in_spanish(client, spanish_edition):
    sent(spanish_edition.english_edition, spanish_edition)

    english = client.get("/bulletin/update/120/").content.decode()
    spanish = client.get("/bulletin/update/120/es/").content.decode()

    assert '<html lang="en-gb">' in english
    assert 'href="/bulletin/update/120/es/" hreflang="es"' in english
    assert "Read this edition in Spanish" in english
    assert '<html lang="es">' in spanish
    assert "Update 120 — 22 de noviembre de 2026" in spanish
    assert "Un mes de protestas en el sur." in spanish
    assert 'href="/bulletin/update/120/" hreflang="en-gb"' in spanish


def test_a_spanish_edition_is_not_public_until_sent(client, spanish_edition):
    sent(spanish_edition.english_edition)

    assert client.get("/bulletin/update/120/es/").status_code == 404
    assert "in Spanish" not in page_text(client.get(reverse("bulletin-archive")))


# The admin


def test_an_editor_adds_a_spanish_edition_with_the_same_items(
    admin_client, edition_to_send
):
    edit_url = reverse("bulletin_editions:edit", args=[edition_to_send.pk])
    assert "Add a Spanish edition" in admin_client.get(edit_url).content.decode()

    response = admin_client.post(
        reverse("bulletin_editions:spanish", args=[edition_to_send.pk])
    )

    spanish = Edition.objects.get(english_edition=edition_to_send)
    assert response.url == reverse("bulletin_editions:edit", args=[spanish.pk])
    assert (spanish.series, spanish.number, spanish.language) == (
        edition_to_send.series,
        120,
        "es",
    )
    assert [item.page_id for item in spanish.items.order_by("sort_order")] == [
        item.page_id for item in edition_to_send.items.order_by("sort_order")
    ]
    page = admin_client.get(response.url).content.decode()
    assert "ready to send" in page.lower()
    assert "The Spanish edition of" in page
