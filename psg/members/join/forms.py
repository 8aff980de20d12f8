"""The join form, with its traps for automated submissions."""

import re

from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from django import forms
from django.utils.translation import gettext_lazy as _

from psg.core.forms import PublicFormMixin, email_address_field
from psg.members.languages import chosen_language, language_form_field, page_language
from psg.members.models import (
    JOIN_PAYMENT_METHODS,
    Member,
    MembershipType,
    normalise_email,
)

UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def _max_length(name):
    return Member._meta.get_field(name).max_length


def member_text_field(
    name, *, label, autocomplete, too_long, required=None, attrs=None, **kwargs
):
    """A one-line text field for ``Member.<name>``: its length limit, the
    browser's ``autocomplete`` hint (and any other ``attrs`` of the input) and
    the messages a person sees. Without a ``required`` message it is optional.
    """
    error_messages = {"max_length": too_long}
    if required:
        error_messages["required"] = required
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=_max_length(name),
        widget=forms.TextInput(attrs={"autocomplete": autocomplete, **(attrs or {})}),
        error_messages=error_messages,
        **kwargs,
    )


class MembershipTypeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class JoinForm(PublicFormMixin, forms.Form):
    """What an applicant fills in. ``wordings`` are the consent and Gift Aid
    wordings shown (from MembershipSettings), used as the checkboxes' labels."""

    membership_type = MembershipTypeField(
        label=_("Membership type"),
        queryset=MembershipType.objects.filter(is_active=True),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a membership type"),
            "invalid_choice": _("Choose one of the membership types shown"),
        },
    )
    organisation = member_text_field(
        "organisation",
        label=_("Organisation name"),
        help_text=_("Only if you are joining as an organisation."),
        autocomplete="organization",
        too_long=_("Organisation name must be %(limit_value)d characters or fewer"),
    )
    name = member_text_field(
        "name",
        label=_("Full name"),
        help_text=_("For an organisation, the name of the contact person."),
        autocomplete="name",
        attrs={"spellcheck": "false"},
        required=_("Enter your full name"),
        too_long=_("Full name must be %(limit_value)d characters or fewer"),
    )
    email = email_address_field(_max_length("email"))
    address_line_1 = member_text_field(
        "address_line_1",
        label=_("Address line 1"),
        autocomplete="address-line1",
        required=_("Enter the first line of your address"),
        too_long=_("Address line 1 must be %(limit_value)d characters or fewer"),
    )
    address_line_2 = member_text_field(
        "address_line_2",
        label=_("Address line 2 (optional)"),
        autocomplete="address-line2",
        too_long=_("Address line 2 must be %(limit_value)d characters or fewer"),
    )
    town = member_text_field(
        "town",
        label=_("Town or city"),
        autocomplete="address-level2",
        required=_("Enter your town or city"),
        too_long=_("Town or city must be %(limit_value)d characters or fewer"),
    )
    county = member_text_field(
        "county",
        label=_("County, state or region (optional)"),
        autocomplete="address-level1",
        too_long=_(
            "County, state or region must be %(limit_value)d characters or fewer"
        ),
    )
    postcode = member_text_field(
        "postcode",
        label=_("Postcode"),
        help_text=_("Optional outside the UK."),
        autocomplete="postal-code",
        attrs={"spellcheck": "false", "class": "input--short"},
        too_long=_("Postcode must be %(limit_value)d characters or fewer"),
    )
    country = LazyTypedChoiceField(
        label=_("Country"),
        # A callable, so the names come in the reader's language at each
        # render, not frozen in English when the module is imported.
        choices=lambda: list(countries),
        initial="GB",
        widget=forms.Select(attrs={"autocomplete": "country"}),
        error_messages={
            "required": _("Choose your country"),
            "invalid_choice": _("Choose your country from the list"),
        },
    )
    payment_method = forms.ChoiceField(
        label=_("How will you pay?"),
        choices=[(method.value, method.label) for method in JOIN_PAYMENT_METHODS],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you will pay"),
            "invalid_choice": _("Choose one of the ways to pay shown"),
        },
    )
    language = language_form_field(
        help_text=_("We write to you about your membership in this language.")
    )
    gift_aid = forms.BooleanField(required=False)
    bulletin_consent = forms.BooleanField(required=False)
    events_consent = forms.BooleanField(required=False)

    form_id = "join-form"
    radio_fields = ("membership_type", "payment_method")

    def __init__(self, *args, wordings, **kwargs):
        super().__init__(*args, **kwargs)
        self.wordings = wordings
        self.fields["language"].initial = page_language()
        self.fields["gift_aid"].label = wordings["gift_aid_wording"]
        self.fields["bulletin_consent"].label = wordings["bulletin_consent_wording"]
        self.fields["events_consent"].label = wordings["events_consent_wording"]

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_language(self):
        # Not sent (an older page): the language of the page it came from.
        return chosen_language(self.cleaned_data["language"] or page_language())

    def clean_postcode(self):
        return " ".join(self.cleaned_data["postcode"].split())

    def clean(self):
        cleaned = super().clean()
        membership_type = cleaned.get("membership_type")
        if membership_type and membership_type.for_organisations:
            if not cleaned.get("organisation"):
                self.add_error("organisation", _("Enter the name of your organisation"))
        elif "organisation" in cleaned:
            # Typed in, then another type chosen: an individual has none.
            cleaned["organisation"] = ""
        if cleaned.get("country") == "GB" and "postcode" in cleaned:
            postcode = cleaned["postcode"].upper()
            match = UK_POSTCODE.match(postcode)
            if not postcode:
                self.add_error("postcode", _("Enter your postcode"))
            elif not match:
                self.add_error("postcode", _("Enter a real UK postcode, like SW1A 1AA"))
            else:
                cleaned["postcode"] = " ".join(match.groups())
        return cleaned

    def application_data(self):
        """What to keep until the applicant confirms: JSON-safe, with the
        wordings shown."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("website", "started", "membership_type")
        }
        data["country"] = str(data["country"])
        data["membership_type"] = self.cleaned_data["membership_type"].pk
        data["shown"] = dict(self.wordings)
        return data
