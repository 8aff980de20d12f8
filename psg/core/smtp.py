"""The SMTP backend: Django's, except that an address with letters other
than ASCII before the @ ("josé@ejemplo.pe", which the forms accept) goes over
SMTPUTF8 (RFC 6531) rather than as an encoded word no server delivers to. A
server without SMTPUTF8 refuses such a recipient (553); see
docs/configuration.md.

It also knows whether the last message went whole to the server with no
answer yet (``answer_pending``): when the connection then fails, the server
may have accepted it, and the bulletin must not send it again by itself
(docs/bulletin.md, "When sending goes wrong").
"""

import smtplib
from email.utils import parseaddr

from django.core.mail.backends import smtp
from django.utils.encoding import punycode

# What sending can raise when the mail server refuses a message or cannot be
# reached (OSError): each sender catches these and reports a failed send.
MAIL_ERRORS = (smtplib.SMTPException, OSError)

# RFC 6531's answer for a mailbox that needs SMTPUTF8 the server lacks.
NO_SMTPUTF8 = (553, b"5.6.7 The server does not offer SMTPUTF8 for this address")


class _TracksData:
    """An SMTP client that notes when a message's last line has gone and its
    answer has not come (``answer_pending``)."""

    answer_pending = False
    _in_data = False

    def data(self, msg):
        self.answer_pending = False
        self._in_data = True
        try:
            reply = super().data(msg)
        finally:
            self._in_data = False
        # An answer came (250 or a refusal): the outcome is known.
        self.answer_pending = False
        return reply

    def send(self, s):
        super().send(s)
        # smtplib sends the message and its final "." in one call.
        if self._in_data and isinstance(s, bytes) and s.endswith(b"\r\n.\r\n"):
            self.answer_pending = True


class _SMTP(_TracksData, smtplib.SMTP):
    pass


class _SMTPSSL(_TracksData, smtplib.SMTP_SSL):
    pass


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
    @property
    def connection_class(self):
        return _SMTPSSL if self.use_ssl else _SMTP

    @property
    def answer_pending(self):
        """Whether the last message went whole to the server and no answer
        came: the server may have it."""
        return bool(getattr(self.connection, "answer_pending", False))

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
