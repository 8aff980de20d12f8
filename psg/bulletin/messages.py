"""An edition as an email: one message per subscriber, each with their own
unsubscribe link, List-Unsubscribe headers and a stable Message-ID.

The edition is rendered once (``EditionMessages``) with a placeholder where
the unsubscribe link goes; each subscriber's message swaps in their own link.
That keeps a 10,000-recipient send from rendering and inlining the same HTML
10,000 times.
"""

import html
import re
from email.utils import formataddr, make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.models import Site

from psg.core.email import render_email
from psg.core.models import OrganisationSettings
from psg.members.join.applications import absolute_url

from . import archive
from .models import Subscriber, delivery_message_id
from .unsubscribe import unsubscribe_headers, unsubscribe_url

TEMPLATE = "bulletin_edition"
# Never a character a token or URL could contain, so the swap is exact.
_PLACEHOLDER = "PSG-UNSUBSCRIBE-LINK-3f9c1e"
_RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')


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
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return _RELATIVE_LINK.sub(rf'\1="{base}/', value or "")


class EditionMessages:
    """Builds the messages of one edition; render once, then ``message()`` each."""

    def __init__(self, edition, subject_prefix=""):
        from wagtail.rich_text import expand_db_html

        self.edition = edition
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
            "edition_url": absolute_url(edition.get_absolute_url()),
            "unsubscribe_url": _PLACEHOLDER,
        }
        self.subject, self.text, self.html = render_email(TEMPLATE, context)
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        self.from_email = formataddr((series.from_name or organisation_name, address))
        self.reply_to = series.reply_to or organisation.email or None

    def message(self, subscriber, message_id=None, connection=None):
        """The EmailMultiAlternatives for ``subscriber``, ready to send."""
        link = unsubscribe_url(subscriber)
        headers = {
            **unsubscribe_headers(subscriber),
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

    def _domain(self):
        return self.from_email.rpartition("@")[2].rstrip(">") or "localhost"


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
