"""Bulletin subscribers in the admin: the membership secretary's, never editors'
(subscriber addresses are personal data; only the secretary's group and
superusers hold the subscriber permissions, see psg.members.signals)."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect

from .models import Subscriber


class SubscriberFilterSet(WagtailFilterSet):
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


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "bulletin_subscribers"
    url_prefix = "bulletin/subscribers"
    icon = "mail"
    menu_label = _("Subscribers")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "email",
        "name",
        "member",
        "status",
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
    form_fields = ["email", "name", "status", "soft_bounce_count"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "name",
        "member",
        "status",
        "confirmed_at",
        "unsubscribed_at",
        "soft_bounce_count",
        "last_bounce_at",
        "last_bounce_reason",
        "created_at",
        "updated_at",
    ]
