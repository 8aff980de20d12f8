"""An edition as an email: subject, parts, links and headers."""

import email
import email.policy

import pytest

from psg.bulletin.messages import (
    EditionMessages,
    build_edition_message,
    build_test_message,
)
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
    link = unsubscribe_url(subscriber, "update")
    assert link.startswith("http://testserver/bulletin/unsubscribe/")
    # The link names the message's series: one-click leaves that series.
    assert link.endswith("/?series=update")
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
    assert unsubscribe_url(first, "update") in one.body
    assert unsubscribe_url(second, "update") not in one.body
    assert unsubscribe_url(second, "update") in two.alternatives[0][0]
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


def _parsed(data):
    return email.message_from_bytes(data, policy=email.policy.default)


def _lines(text):
    return text.replace("\r\n", "\n").rstrip("\n")


def test_prepared_message_is_the_same_message(edition_to_send):
    subscriber = SubscriberFactory(email="lector@example.org")
    builder = EditionMessages(edition_to_send)
    message_id = delivery_message_id(edition_to_send.pk, subscriber.pk)
    expected = _parsed(
        builder.message(subscriber, message_id=message_id).message().as_bytes()
    )
    data = builder.prepared(subscriber, message_id).message().as_bytes(linesep="\r\n")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    prepared = _parsed(data)

    for header in (
        "Subject",
        "From",
        "To",
        "Reply-To",
        "Message-ID",
        "List-Unsubscribe-Post",
        "MIME-Version",
    ):
        assert str(prepared[header]) == str(expected[header]), header
    assert str(prepared["List-Unsubscribe"]).strip() == (
        f"<{unsubscribe_url(subscriber, 'update')}>"
    )
    assert prepared["Date"].datetime is not None
    assert prepared.get_content_type() == "multipart/alternative"
    for subtype in ("plain", "html"):
        body = prepared.get_body(preferencelist=(subtype,)).get_content()
        wanted = expected.get_body(preferencelist=(subtype,)).get_content()
        assert _lines(body) == _lines(wanted), subtype
    assert "Mining conflict in Espinar" in prepared.get_body(("plain",)).get_content()


def test_prepared_messages_differ_only_where_they_should(edition_to_send):
    first, second = SubscriberFactory.create_batch(2)
    builder = EditionMessages(edition_to_send)
    one = _parsed(builder.prepared(first, "<one@example.org>").message().as_bytes())
    two = _parsed(builder.prepared(second, "<two@example.org>").message().as_bytes())
    assert one["To"] == first.email and two["To"] == second.email
    assert one["Message-ID"] == "<one@example.org>"
    assert unsubscribe_url(first, "update") in one.get_body(("html",)).get_content()
    assert unsubscribe_url(first, "update") not in two.get_body(("html",)).get_content()
    assert unsubscribe_url(second, "update") in two.get_body(("plain",)).get_content()


def test_long_lines_are_quoted_printable(edition_to_send):
    """SMTP lines stop at 998 octets: a longer line goes quoted-printable."""
    edition_to_send.introduction = "<p>" + "Cajamarca " * 150 + "</p>"
    edition_to_send.save()
    builder = EditionMessages(edition_to_send)
    data = builder.prepared(SubscriberFactory(), "<x@example.org>").message().as_bytes()
    assert max(len(line) for line in data.split(b"\n")) <= 998
    parsed = _parsed(data)
    plain = parsed.get_body(("plain",))
    assert plain["Content-Transfer-Encoding"] == "quoted-printable"
    assert "Cajamarca " * 150 in plain.get_content().replace("\n", " ") + " "


def test_prepared_message_through_the_file_backend(edition_to_send, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    subscriber = SubscriberFactory(email="lector@example.org")
    builder = EditionMessages(edition_to_send)
    assert builder.prepared(subscriber, "<f@example.org>").send() == 1
    (written,) = tmp_path.iterdir()
    parsed = email.message_from_string(written.read_text(), policy=email.policy.default)
    assert parsed["To"] == "lector@example.org"
