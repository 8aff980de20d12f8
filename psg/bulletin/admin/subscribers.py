"""Bulletin subscribers in the admin: the membership secretary's, never editors'
(subscriber addresses are personal data; only the secretary's group and
superusers hold the subscriber permissions, see psg.bulletin.signals).

The list downloads as CSV or XLSX (Wagtail's list export): exactly the
subscribers listed, for those who may view subscribers."""

import datetime

import django_filters

from django import forms
from django.core.exceptions import PermissionDenied
from django.forms.models import modelform_factory
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.core.spreadsheets import escape_cell, format_datetime, xlsx_text
from psg.members.languages import KeepsLanguageMixin

# Confirmation, bounces and creation: inspected and exported alike.
HISTORY_FIELDS = [
    "confirmed_at",
    "unsubscribed_at",
    "soft_bounce_count",
    "last_bounce_at",
    "last_bounce_reason",
    "created_at",
]


class SubscriberFilterSet(WagtailFilterSet):
    series = django_filters.ModelChoiceFilter(
        label=_("Series"),
        queryset=BulletinSeries.objects.order_by("name"),
        field_name="series",
        empty_label=_("All"),
        blank=True,  # lets a radio list offer "All"
        widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Subscriber.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    has_bounced = django_filters.BooleanFilter(
        label=_("Has bounced"),
        field_name="last_bounce_at",
        lookup_expr="isnull",
        exclude=True,
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Subscriber
        fields = []


class SubscriberForm(KeepsLanguageMixin, forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("status") == Subscriber.Status.SUBSCRIBED
            and "series" in cleaned_data
            and not cleaned_data["series"]
        ):
            self.add_error(
                "series",
                _(
                    "Tick at least one series: a subscribed address receives only "
                    "the series ticked here."
                ),
            )
        return cleaned_data


class SubscriberIndexView(generic.IndexView):
    # A datetime in a CSV cell is UTC to the second, as in the members' CSV;
    # XLSX keeps Wagtail's (a date cell, in UTC).
    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        datetime.datetime: {
            **generic.IndexView.custom_value_preprocess[datetime.datetime],
            generic.IndexView.FORMAT_CSV: format_datetime,
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not self.can_export:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export

    @cached_property
    def can_export(self):
        """Only those who may view subscribers download them."""
        return self.permission_policy.user_has_permission(self.request.user, "view")

    def get_filename(self):
        return "subscribers-" + timezone.localdate().isoformat()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if not isinstance(value, str):
            return value
        if export_format == self.FORMAT_CSV:
            # A name such as =HYPERLINK(…) is shown, never run (CSV injection).
            return escape_cell(value)
        return xlsx_text(value)

    def stream_csv(self, queryset):
        # A byte order mark, so spreadsheet programs read the file as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def get_base_queryset(self):
        # The member and series columns: two queries in all, not two a row.
        return (
            super()
            .get_base_queryset()
            .select_related("member")
            .prefetch_related("series")
        )


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "bulletin_subscribers"
    url_prefix = "bulletin/subscribers"
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = SubscriberIndexView
    list_display = [
        "email",
        "name",
        "member",
        "status",
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("series_names", label=_("Series"), accessor="series_names"),
        BooleanColumn("is_bounced", label=_("Bouncing")),
        Column("soft_bounce_count", label=_("Soft bounces")),
        "last_bounce_at",
        "confirmed_at",
    ]
    list_export = [
        "email",
        "name",
        "get_language_display",
        "get_status_display",
        "series_names",
        *HISTORY_FIELDS,
    ]
    export_headings = {
        "get_language_display": _("Language"),
        "get_status_display": _("Status"),
        "series_names": _("Series"),
    }
    list_per_page = 50
    ordering = "email"
    search_fields = ["email", "name"]
    search_backend_name = None
    filterset_class = SubscriberFilterSet
    form_fields = ["email", "name", "language", "status", "series", "soft_bounce_count"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "name",
        "member",
        "language",
        "status",
        "series",
        *HISTORY_FIELDS,
        "updated_at",
    ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "series":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_dbfield(db_field, **kwargs)

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=SubscriberForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )
