"""What the public forms (joining, the bulletin sign-up) share: traps for
robots, an error summary, and the email field (psg.core.email_addresses)
with the messages a person sees."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from psg.core.email_addresses import INVALID_MESSAGE, EmailAddressFormField

# Unchanged since the join form had it alone: a form shown before a release
# still validates after it.
STARTED_SALT = "psg.members.join-form-started"
FORM_TOO_OLD = _(
    "This form was open for more than a day, so for your safety it was not "
    "sent. Please check what you typed and send it again."
)


def started_token(when=None):
    """A signed time for the form's hidden field: when the form was shown."""
    return signing.dumps(when if when is not None else time.time(), salt=STARTED_SALT)


def seconds_since(token):
    """Seconds since ``started_token`` was made, or None if missing or forged."""
    try:
        started = signing.loads(token, salt=STARTED_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, int | float):
        return None
    return time.time() - started


def email_address_field(max_length):
    """The address field of a public form, with the messages a person sees."""
    return EmailAddressFormField(
        label=_("Email address"),
        help_text=_("We will send you a link to confirm that this address is yours."),
        max_length=max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": INVALID_MESSAGE,
            "max_length": _(
                "Email address must be %(limit_value)d characters or fewer"
            ),
        },
    )


class PublicFormMixin:
    """For a form anyone can post: two traps for robots and an error summary.

    The traps are a field people never see (``website``, rendered by
    components/robot_trap.html) and when the form was shown (``started``): no
    person fills a form in within PSG_JOIN_MIN_SECONDS. They are added last,
    after the form's own fields. ``radio_fields`` name the fields shown as a
    list of choices, whose summary link goes to the first choice;
    ``form_id`` is the id of the <form>, where other errors link to.
    """

    radio_fields = ()
    form_id = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.CharField(
            label=_("Leave this empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["started"] = forms.CharField(
            required=False, widget=forms.HiddenInput
        )
        if not self.is_bound:
            self.fields["started"].initial = started_token()

    def clean_started(self):
        """A form shown more than PSG_FORM_MAX_AGE ago (a day) is sent back
        with a message and a fresh start time, keeping what was typed: an old
        page's token must not stay valid for ever (docs/security.md)."""
        token = self.cleaned_data.get("started", "")
        elapsed = seconds_since(token)
        if elapsed is not None and elapsed > settings.PSG_FORM_MAX_AGE:
            # The person has spent time on it already: not a robot by speed.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = started_token(
                time.time() - settings.PSG_JOIN_MIN_SECONDS
            )
            self.add_error(None, FORM_TOO_OLD)
        return token

    def looks_automated(self):
        """Whether the trap field was filled in, or the form came back too fast
        (or without a genuine start time)."""
        if self.cleaned_data.get("website"):
            return True
        elapsed = seconds_since(self.cleaned_data.get("started", ""))
        return elapsed is None or elapsed < settings.PSG_JOIN_MIN_SECONDS

    def error_summary(self):
        """(element id, message) for each error, in the order of the form."""
        items = [(self.form_id, error) for error in self.non_field_errors()]
        for bound_field in self:
            if bound_field.name in self.radio_fields:
                target = f"{bound_field.auto_id}_0"
            else:
                target = bound_field.id_for_label
            items.extend((target, error) for error in bound_field.errors)
        return items
