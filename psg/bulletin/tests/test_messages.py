"""An edition as an email: subject, parts, links and headers."""

import pytest

from psg.bulletin.messages import build_edition_message, build_test_message
from psg.bulletin.models import delivery_message_id
from psg.bulletin.tests.subscriber_factories import SubscriberFactory
from psg.bulletin.unsubscribe import unsubscribe_url

pytestmark = pytest.mark.django_db


def test_message_of_an_edition(edition_to_send, settings):
    subscriber = SubscriberFactory(email="reader@example.org")
    message = build_edition_message(edition_to_send, subscriber)

    assert message.subject == "Update 120 — 22 November 2026"
    assert message.to == ["reader@example.org"]
    assert message.from_email == "PSG Update <info@perusupportgroup.org.uk>"
    assert message.reply_to == ["editor@perusupportgroup.org.uk"]
    link = unsubscribe_url(subscriber)
    assert link.startswith("http://testserver/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert message.extra_headers["Message-ID"] == delivery_message_id(
        edition_to_send.pk, subscriber.pk
    )

    text = message.body
    assert "Mining conflict in Espinar" in text
    assert "O'Brien's report from the count." in text  # not HTML-escaped
    assert "A month of protests in the south." in text
    assert link in text
    assert "http://testserver/bulletin/update/120/" in text

    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<style" not in html  # inlined
    assert 'style="' in html
    assert f'href="{link}"' in html
    assert 'href="http://testserver/news/"' in html  # links made absolute
    assert ">Mining conflict in Espinar</a>" in html


def test_each_subscriber_has_their_own_link(edition_to_send):
    first, second = SubscriberFactory.create_batch(2)
    one = build_edition_message(edition_to_send, first)
    two = build_edition_message(edition_to_send, second)
    assert unsubscribe_url(first) in one.body
    assert unsubscribe_url(second) not in one.body
    assert unsubscribe_url(second) in two.alternatives[0][0]
    assert one.extra_headers["Message-ID"] != two.extra_headers["Message-ID"]


def test_message_id_is_stable(edition_to_send):
    subscriber = SubscriberFactory()
    assert delivery_message_id(edition_to_send.pk, subscriber.pk) == (
        delivery_message_id(edition_to_send.pk, subscriber.pk)
    )
    assert delivery_message_id(edition_to_send.pk, subscriber.pk).endswith(
        "@perusupportgroup.org.uk>"
    )


def test_series_without_sender_uses_the_organisation(edition_to_send):
    series = edition_to_send.series
    series.from_name = ""
    series.reply_to = ""
    series.save()
    message = build_edition_message(edition_to_send, SubscriberFactory())
    assert message.from_email == "Peru Support Group <info@perusupportgroup.org.uk>"


def test_test_message(edition_to_send):
    message = build_test_message(edition_to_send, "anyone@example.net")
    assert message.subject == "[TEST] Update 120 — 22 November 2026"
    assert message.to == ["anyone@example.net"]
    assert "List-Unsubscribe" in message.extra_headers
