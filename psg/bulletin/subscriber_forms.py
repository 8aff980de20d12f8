"""The short bulletin sign-up form, with the join form's traps for robots."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from psg.members.join.forms import InternationalEmailField, JoinForm, started_token
from psg.members.models import normalise_email

from .models import BulletinSeries, Subscriber


class SeriesChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SubscribeForm(forms.Form):
    """Email, name and (when more than one is open) which series to get.

    ``series`` is the list of series open to new subscribers; with one, it
    is simply what the form subscribes to and no choice is shown.
    """

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
    series = SeriesChoiceField(
        label=_("Which bulletins?"),
        queryset=BulletinSeries.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one bulletin"),
            "invalid_choice": _("Choose bulletins from the list"),
            "invalid_pk_value": _("Choose bulletins from the list"),
        },
    )
    # The join form's trap field and start time, checked the same way.
    website = copy.deepcopy(JoinForm.base_fields["website"])
    started = copy.deepcopy(JoinForm.base_fields["started"])

    # Checkboxes: the error summary links to the first one.
    radio_fields = ("series",)
    looks_automated = JoinForm.looks_automated
    error_summary = JoinForm.error_summary

    def __init__(self, *args, series=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.open_series = list(series)
        if len(self.open_series) > 1:
            field = self.fields["series"]
            field.queryset = BulletinSeries.objects.filter(
                pk__in=[one.pk for one in self.open_series]
            ).order_by("name")
            field.initial = [one.pk for one in self.open_series]
        else:
            del self.fields["series"]
        if not self.is_bound:
            self.fields["started"].initial = started_token()

    @property
    def offers_choice(self):
        return "series" in self.fields

    def chosen_series(self):
        """The series to subscribe to (after validation)."""
        if self.offers_choice:
            return list(self.cleaned_data["series"])
        return self.open_series

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
