"""The short bulletin sign-up form, with the join form's traps for robots."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from psg.members.join.forms import InternationalEmailField, JoinForm, started_token
from psg.members.models import normalise_email

from .models import Subscriber


class SubscribeForm(forms.Form):
    email = InternationalEmailField(
        label=_("Email address"),
        help_text=_("We will send you a link to confirm that this address is yours."),
        max_length=Subscriber._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _(
                "Enter an email address in the correct format, like name@example.com"
            ),
            "max_length": _(
                "Email address must be %(limit_value)d characters or fewer"
            ),
        },
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=Subscriber._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "max_length": _("Name must be %(limit_value)d characters or fewer"),
        },
    )
    # The join form's trap field and start time, checked the same way.
    website = copy.deepcopy(JoinForm.base_fields["website"])
    started = copy.deepcopy(JoinForm.base_fields["started"])

    radio_fields = ()
    looks_automated = JoinForm.looks_automated
    error_summary = JoinForm.error_summary

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["started"].initial = started_token()

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
