"""Forms of the membership secretary's desk."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from psg.members.languages import KeepsLanguageMixin
from psg.members.models import PaymentMethod

from .csv_rows import MAX_FILE_SIZE


class MemberDeskForm(KeepsLanguageMixin, WagtailAdminModelForm):
    """A member's page on the desk."""


def member_version(member):
    """What changes whenever a member's record is saved (a payment too)."""
    return member.updated_at.isoformat()


class RecordPaymentForm(forms.Form):
    date = forms.DateField(label=_("Date paid"), widget=AdminDateInput)
    amount = forms.DecimalField(
        label=_("Amount (GBP)"), max_digits=8, decimal_places=2, min_value=0
    )
    method = forms.ChoiceField(label=_("Method"), choices=PaymentMethod.choices)
    reference = forms.CharField(label=_("Reference"), max_length=60, required=False)
    # The member's record as the form was shown: a form sent twice finds it
    # changed by the first and records nothing more (RecordPaymentView).
    version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, member, **kwargs):
        kwargs["initial"] = {
            "version": member_version(member),
            "date": timezone.localdate(),
            "amount": member.membership_type.annual_fee,
            "method": member.payment_method,
            "reference": member.payment_reference,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date can't be in the future."))
        return date


class GiftAidDeclarationForm(forms.Form):
    declared_on = forms.DateField(
        label=_("Declared on"),
        widget=AdminDateInput,
        help_text=_("The date on the signed form, or of the phone call."),
    )
    wording_version = forms.CharField(label=_("Wording version"), max_length=20)
    wording = forms.CharField(
        label=_("Wording"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Exactly as the member saw or heard it."),
    )

    def __init__(self, *args, membership_settings, **kwargs):
        kwargs["initial"] = {
            "declared_on": timezone.localdate(),
            "wording_version": membership_settings.gift_aid_wording_version,
            "wording": membership_settings.gift_aid_wording,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)

    def clean_declared_on(self):
        date = self.cleaned_data["declared_on"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date can't be in the future."))
        return date


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        allow_empty_file=True,  # the import says what is wrong with it
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    skip_errors = forms.BooleanField(
        label=_("Skip rows with errors"),
        required=False,
        help_text=_(
            "Import the good rows and list the ones skipped. Without this, a file "
            "with any error imports nothing."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "With the columns of an export, in UTF-8; at most %(size)s MB."
        ) % {"size": MAX_FILE_SIZE // 1024 // 1024}
