from django import forms
from django.utils.translation import gettext_lazy as _

from psg.core.email_addresses import EmailAddressFormField
from psg.members.languages import KeepsLanguageMixin
from psg.members.models import CONTACT_FIELDS, Member, normalise_email

EMAIL_TAKEN = _(
    "Another membership uses this email address. Please choose another, or "
    "write to the membership secretary."
)


class SignInForm(forms.Form):
    email = EmailAddressFormField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The address we have for your membership."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class DetailsForm(KeepsLanguageMixin, forms.ModelForm):
    """What a member may correct about themselves."""

    # Shown in fieldsets, in this order.
    fieldsets = [
        (_("Your name"), ["name", "organisation"]),
        (_("How to reach you"), ["email", "telephone", "language"]),
        (
            _("Postal address"),
            [
                "address_line_1",
                "address_line_2",
                "town",
                "county",
                "postcode",
                "country",
            ],
        ),
    ]

    class Meta:
        model = Member
        fields = [*CONTACT_FIELDS, "language"]
        help_texts = {
            "language": _("We write to you in this language."),
            "name": _("Your name, or the contact person's for an organisation."),
            "organisation": _("Only for an organisation's membership."),
            "email": _("We send renewal reminders and sign-in links here."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "telephone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "address_line_1": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "address_line_2": forms.TextInput(attrs={"autocomplete": "address-line2"}),
            "town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "county": forms.TextInput(attrs={"autocomplete": "address-level1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
        }

    def grouped_fields(self):
        return [
            (legend, [self[name] for name in names]) for legend, names in self.fieldsets
        ]

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        taken = (
            Member.objects.filter(email__iexact=email)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(EMAIL_TAKEN, code="taken")
        return email


class ConsentsForm(forms.Form):
    """Yes or no to each kind of email, under the current wording."""

    bulletin = forms.BooleanField(required=False)
    events = forms.BooleanField(required=False)

    def __init__(self, *args, membership_settings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bulletin"].label = membership_settings.bulletin_consent_wording
        self.fields["events"].label = membership_settings.events_consent_wording


class ConfirmForm(forms.Form):
    """A tick box that must be ticked to go ahead with something final."""

    confirm = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = label
