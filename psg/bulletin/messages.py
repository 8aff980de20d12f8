"""An edition as an email: one message per subscriber, each with their own
unsubscribe link, List-Unsubscribe headers and a stable Message-ID.

The edition is rendered once (``EditionMessages``) with a placeholder where
the unsubscribe link goes. ``message()`` gives a Django message (test sends);
``prepared()``, the sending path, fills each subscriber's values into a MIME
layout made once per edition. The tests check both carry the same headers
and bodies; docs/bulletin.md says why.
"""

import binascii
import html
import re
from email import message as email_message
from email import policy
from email.message import EmailMessage as MIMEMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from psg.core.addresses import absolute, root_url
from psg.core.models import OrganisationSettings
from psg.core.templated_email import render_email
from psg.members.languages import Language, in_language

from . import archive
from .models import Edition, Subscriber, delivery_message_id
from .models.editions import LOCKED_STATUSES
from .unsubscribe import unsubscribe_headers, unsubscribe_url

TEMPLATE = "bulletin_edition"
# Never a character a token or URL could contain, so the swap is exact.
_PLACEHOLDER = "PSG-UNSUBSCRIBE-LINK-3f9c1e"
_RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')
# Placeholders of the prepared layout: short, ASCII letters and digits only,
# so neither header folding nor quoted-printable encoding can change them.
_SLOTS = {
    name: f"psgslot{name}7c2d".encode()
    for name in (
        "to",
        "date",
        "messageid",
        "unsubscribe",
        "textencoding",
        "text",
        "htmlencoding",
        "html",
    )
}
_DATE_SLOT = "Mon, 01 Jan 2001 01:01:01 +0000"


def organisation_settings():
    """The OrganisationSettings of the default site (unsaved defaults if none)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return OrganisationSettings()
    return OrganisationSettings.for_site(site)


def introduction_text(value):
    """Rich text as plain text: paragraphs kept apart, tags and entities gone."""
    value = re.sub(r"</(p|h[1-6]|li|div)>|<br\s*/?>", "\n", value or "")
    text = html.unescape(strip_tags(value))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _absolute_links(value):
    return _RELATIVE_LINK.sub(rf'\1="{root_url(None)}/', value or "")


class EditionMessages:
    """Builds the messages of one edition; render once, then ``message()`` each."""

    def __init__(self, edition, subject_prefix=""):
        self.edition = edition
        # Each message's unsubscribe link names its series (RFC 8058: a
        # one-click request leaves the list the message came from).
        self.series_slug = edition.series.slug
        # In the edition's language, whatever the request's or the worker's.
        with in_language(edition.language):
            self._render(edition, subject_prefix)

    def _render(self, edition, subject_prefix):
        view = archive.edition_view(archive.editions_with_items().get(pk=edition.pk))
        series = edition.series
        organisation = organisation_settings()
        organisation_name = organisation.name or _("Peru Support Group")
        context = {
            "organisation_name": organisation_name,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "subject_prefix": subject_prefix,
            "title": view.title,
            "series_name": series.name,
            "introduction_html": _absolute_links(expand_db_html(view.introduction)),
            "introduction_text": introduction_text(view.introduction),
            "items": view.items(full_urls=True),
            "edition_url": absolute(None, edition.get_absolute_url()),
            "unsubscribe_url": _PLACEHOLDER,
        }
        self.subject, self.text, self.html = render_email(TEMPLATE, context)
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        self.from_email = formataddr((series.from_name or organisation_name, address))
        self.reply_to = series.reply_to or organisation.email or None
        self._layout_bytes = None

    def message(self, subscriber, message_id=None, connection=None):
        """The EmailMultiAlternatives for ``subscriber``, ready to send."""
        link = unsubscribe_url(subscriber, self.series_slug)
        headers = {
            **unsubscribe_headers(subscriber, self.series_slug),
            "Message-ID": message_id or make_msgid(domain=self._domain()),
        }
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(_PLACEHOLDER, link),
            from_email=self.from_email,
            to=[subscriber.email],
            reply_to=[self.reply_to] if self.reply_to else None,
            headers=headers,
            connection=connection,
        )
        message.attach_alternative(self.html.replace(_PLACEHOLDER, link), "text/html")
        return message

    def prepared(self, subscriber, message_id, connection=None, return_path=None):
        """The same message as ``message()``, as bytes ready for the server,
        wrapped so any Django mail backend can send it; ``return_path`` is
        the envelope sender (the delivery's signed bounce address, see
        psg.bulletin.verp), the From address if None."""
        address = subscriber.email
        if not address.isascii():
            address = sanitize_address(address, "utf-8")
        if "\r" in address or "\n" in address:
            raise ValueError("A line break in an email address.")
        link = unsubscribe_url(subscriber, self.series_slug)
        text_encoding, text = _encoded_body(self.text.replace(_PLACEHOLDER, link))
        html_encoding, html = _encoded_body(self.html.replace(_PLACEHOLDER, link))
        values = {
            "to": address.encode(),
            "date": formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode(),
            "messageid": message_id.encode(),
            "unsubscribe": f"<{link}>".encode(),
            "textencoding": text_encoding,
            "text": text,
            "htmlencoding": html_encoding,
            "html": html,
        }
        data = self._layout()
        for name, value in values.items():
            data = data.replace(_SLOTS[name], value, 1)
        return PreparedMessage(
            data,
            return_path or self.from_email,
            [subscriber.email],
            connection=connection,
        )

    def _layout(self):
        """The MIME layout shared by every subscriber's message (made once)."""
        if self._layout_bytes is None:
            layout = MIMEMessage(policy=policy.SMTP)
            layout["Subject"] = self.subject
            layout["From"] = self.from_email
            layout["To"] = _SLOTS["to"].decode() + "@slot.invalid"
            if self.reply_to:
                layout["Reply-To"] = self.reply_to
            # A Date header must parse as a date: a sentinel one stands in.
            layout["Date"] = _DATE_SLOT
            layout["Message-ID"] = _SLOTS["messageid"].decode()
            layout["List-Unsubscribe"] = _SLOTS["unsubscribe"].decode()
            layout["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
            layout.set_content(_SLOTS["text"].decode(), cte="7bit")
            layout.add_alternative(_SLOTS["html"].decode(), subtype="html", cte="7bit")
            data = layout.as_bytes()
            for old, new in (
                (_SLOTS["to"] + b"@slot.invalid", _SLOTS["to"]),
                (_DATE_SLOT.encode(), _SLOTS["date"]),
                # The link is long: it goes on a line of its own.
                (b": " + _SLOTS["unsubscribe"], b":\r\n " + _SLOTS["unsubscribe"]),
            ):
                data = data.replace(old, new)
            for part in ("text", "html"):
                data = _encoding_slot(data, part)
            for slot in _SLOTS.values():
                if data.count(slot) != 1:
                    raise RuntimeError(f"The message layout lost its {slot!r} slot.")
            self._layout_bytes = data
        return self._layout_bytes

    def _domain(self):
        return self.from_email.rpartition("@")[2].rstrip(">") or "localhost"


def _encoding_slot(data, part):
    """Make the layout's Content-Transfer-Encoding of ``part`` a slot: whether
    a body needs quoted-printable is known only once it is filled in."""
    header = b"Content-Transfer-Encoding: "
    at = data.rindex(header + b"7bit", 0, data.index(_SLOTS[part])) + len(header)
    return data[:at] + _SLOTS[f"{part}encoding"] + data[at + len(b"7bit") :]


def _encoded_body(text):
    """(Content-Transfer-Encoding, body bytes with CRLF line ends) for a part.

    As Django does: UTF-8 as it is ("8bit") while every line is within SMTP's
    998-octet limit, quoted-printable otherwise (or for control characters).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    data = lines.replace("\n", "\r\n").encode()
    if "\x00" not in lines and max(map(len, data.split(b"\r\n"))) <= 998:
        return b"8bit", data
    return b"quoted-printable", binascii.b2a_qp(data, istext=True)


class _PreparedMIME(email_message.Message):
    """What a Django mail backend gets from ``PreparedMessage.message()``:
    the finished bytes (the backends only ask for them)."""

    def __init__(self, data):
        super().__init__()
        self._data = data

    def as_bytes(self, unixfrom=False, policy=None, linesep="\n"):
        if linesep == "\r\n":
            return self._data
        return self._data.replace(b"\r\n", linesep.encode())

    __bytes__ = as_bytes

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode("ascii")


class PreparedMessage(EmailMessage):
    """An EmailMessage whose MIME bytes are already made. Its ``from_email``
    is only the envelope sender: the From header is in the bytes."""

    def __init__(self, data, from_email, to, connection=None):
        super().__init__(from_email=from_email, to=to, connection=connection)
        self.data = data

    def message(self):
        return _PreparedMIME(self.data)


class EditionLanguages:
    """The messages of an edition being sent, in each subscriber's language:
    the Spanish edition's to those who read Spanish, when it goes with this
    one (``psg.bulletin.spanish``); the English edition's to everyone else.
    One delivery per subscriber either way, so exactly once still holds."""

    def __init__(self, edition):
        self.english = EditionMessages(edition)
        spanish = (
            Edition.objects.select_related("series")
            .filter(english_edition_id=edition.pk, status__in=LOCKED_STATUSES)
            .first()
        )
        self.spanish = EditionMessages(spanish) if spanish is not None else None

    def for_subscriber(self, subscriber):
        if self.spanish is not None and subscriber.language == Language.SPANISH:
            return self.spanish
        return self.english

    def prepared(self, subscriber, **kwargs):
        return self.for_subscriber(subscriber).prepared(subscriber, **kwargs)


def build_edition_message(edition, subscriber, connection=None):
    """One subscriber's message of ``edition`` (its Message-ID is the one the
    subscriber's delivery record carries)."""
    return EditionMessages(edition).message(
        subscriber,
        message_id=delivery_message_id(edition.pk, subscriber.pk),
        connection=connection,
    )


def build_test_message(edition, email, connection=None):
    """The edition as a test to any address: "[TEST]" in the subject, a fresh
    Message-ID, and the address's own unsubscribe link if it is a subscriber
    (a link that leads nowhere if not)."""
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    if subscriber is None:
        subscriber = Subscriber(email=email)
    messages = EditionMessages(edition, subject_prefix="[TEST] ")
    message = messages.message(subscriber, connection=connection)
    message.to = [email]
    return message
