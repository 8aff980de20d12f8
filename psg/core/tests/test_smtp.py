"""The SMTP backend: addresses with letters other than ASCII before the @ go
over SMTPUTF8; the rest exactly as Django sends them."""

import smtplib

import pytest

from django.core.mail import EmailMessage

from psg.core.smtp import NO_SMTPUTF8, needs_smtputf8


class Envelopes:
    """Keeps each envelope the server accepted."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def send(to, **kwargs):
    message = EmailMessage("Bienvenida", "Hola.", "PSG <info@example.org>", to)
    return message.send(**kwargs)


@pytest.mark.parametrize(
    ("address", "needed"),
    [
        ("josé@ejemplo.pe", True),
        ("José Pérez <josé@ejemplo.pe>", True),
        ("José Pérez <jose@ejemplo.pe>", False),
        ("jose@ñandú.pe", False),  # the domain goes in Punycode
    ],
)
def test_only_a_non_ascii_local_part_needs_smtputf8(address, needed):
    assert needs_smtputf8(address) is needed


def test_a_non_ascii_address_is_delivered_over_smtputf8(start_smtp_server):
    handler = Envelopes()
    start_smtp_server(handler, enable_SMTPUTF8=True)
    assert send(["José Pérez <josé@ñandú.pe>"]) == 1
    (envelope,) = handler.envelopes
    assert envelope.smtp_utf8
    assert envelope.rcpt_tos == ["josé@xn--and-6ma2c.pe"]
    assert envelope.mail_from == "info@example.org"
    assert b"Hola." in envelope.original_content


def test_ascii_addresses_go_as_django_sends_them(start_smtp_server):
    handler = Envelopes()
    start_smtp_server(handler, enable_SMTPUTF8=True)
    assert send(["Ana <ana@example.org>"]) == 1
    (envelope,) = handler.envelopes
    assert not envelope.smtp_utf8
    assert envelope.rcpt_tos == ["ana@example.org"]


def test_without_smtputf8_the_address_is_refused_and_nothing_is_sent(
    start_smtp_server,
):
    handler = Envelopes()
    start_smtp_server(handler, enable_SMTPUTF8=False)
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(["josé@ejemplo.pe"])
    assert refused.value.recipients == {"josé@ejemplo.pe": NO_SMTPUTF8}
    assert send(["josé@ejemplo.pe"], fail_silently=True) == 0
    assert handler.envelopes == []
