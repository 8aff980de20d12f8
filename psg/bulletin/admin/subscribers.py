"""Bulletin subscribers in the admin: the membership secretary's, never editors'
(subscriber addresses are personal data; only the secretary's group and
superusers hold the subscriber permissions, see psg.bulletin.signals)."""

import django_filters

from django import forms
from django.forms.models import modelform_factory
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect

from psg.bulletin.models import BulletinSeries, Subscriber
from psg.members.languages import KeepsLanguageMixin


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
        "confirmed_at",
        "unsubscribed_at",
        "soft_bounce_count",
        "last_bounce_at",
        "last_bounce_reason",
        "created_at",
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
