"""The short bulletin sign-up form, with the join form's traps for robots
(psg.core.forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.core.forms import PublicFormMixin, email_address_field
from psg.members.languages import chosen_language, language_form_field, page_language
from psg.members.models import normalise_email


class SeriesChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SubscribeForm(PublicFormMixin, forms.Form):
    """Email, name and (when more than one is open) which series to get.

    ``series`` is the list of series open to new subscribers; with one, it
    is simply what the form subscribes to and no choice is shown.
    """

    email = email_address_field(Subscriber._meta.get_field("email").max_length)
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
    language = language_form_field(
        help_text=_(
            "The bulletin comes in Spanish when there is a Spanish edition, "
            "in English otherwise."
        )
    )
    form_id = "subscribe-form"
    # Checkboxes: the error summary links to the first one.
    radio_fields = ("series",)

    def __init__(self, *args, series=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = page_language()
        self.open_series = list(series)
        if len(self.open_series) > 1:
            field = self.fields["series"]
            field.queryset = BulletinSeries.objects.filter(
                pk__in=[one.pk for one in self.open_series]
            ).order_by("name")
            field.initial = [one.pk for one in self.open_series]
        else:
            del self.fields["series"]

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

    def clean_language(self):
        # Not sent (an older page): the language of the page it came from.
        return chosen_language(self.cleaned_data["language"] or page_language())
