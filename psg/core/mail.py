"""The SMTP backend: Django's, delivering to addresses with letters other
than ASCII before the @ ("josé@ejemplo.pe", which the join and subscribe
forms accept) over SMTPUTF8 (RFC 6531).

Django's own backend writes such a local part as an RFC 2047 encoded word
(``=?utf-8?q?jos=C3=A9?=@ejemplo.pe``), an address no server delivers to.
Here a message with such an address is sent with the ``SMTPUTF8`` option,
every envelope address as it was written (domains in Punycode); messages with
ASCII addresses only go exactly as Django sends them. A server that does not
offer SMTPUTF8 cannot deliver to those addresses at all: they are refused as
recipients (``SMTPRecipientsRefused``, code 553), which the bulletin records
as a permanent failure and other senders report as a failed send.
"""

import smtplib
from email.utils import parseaddr

from django.core.mail.backends import smtp
from django.utils.encoding import punycode

# RFC 6531's answer for a mailbox that needs SMTPUTF8 the server lacks.
NO_SMTPUTF8 = (553, b"5.6.7 The server does not offer SMTPUTF8 for this address")


def _local_and_domain(address):
    """The two halves of the bare address in ``address`` ("Name <a@b>" or
    "a@b")."""
    local, _at, domain = parseaddr(address)[1].rpartition("@")
    return local, domain


def _addr_spec(address):
    """The bare address, its domain in Punycode, its local part as written."""
    local, domain = _local_and_domain(address)
    return f"{local}@{punycode(domain)}"


def needs_smtputf8(address):
    return not _local_and_domain(address)[0].isascii()


class EmailBackend(smtp.EmailBackend):
    def _send(self, email_message):
        recipients = email_message.recipients()
        if not recipients or not any(
            needs_smtputf8(address)
            for address in (email_message.from_email, *recipients)
        ):
            return super()._send(email_message)
        try:
            self.connection.ehlo_or_helo_if_needed()
            if not self.connection.has_extn("smtputf8"):
                raise smtplib.SMTPRecipientsRefused(
                    {
                        _addr_spec(address): NO_SMTPUTF8
                        for address in recipients
                        if needs_smtputf8(address)
                    }
                )
            self.connection.sendmail(
                _addr_spec(email_message.from_email),
                [_addr_spec(address) for address in recipients],
                email_message.message().as_bytes(linesep="\r\n"),
                mail_options=["SMTPUTF8"],
            )
        except smtplib.SMTPException:
            if not self.fail_silently:
                raise
            return False
        return True
