"""Filters for the members list in the admin."""

import datetime

import django_filters

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from psg.members.models import GiftAidDeclaration, Member, MembershipType


def renewal_due_within(queryset, days, today=None):
    """Active members whose period ends within ``days`` days from today.

    Includes members whose period has already ended but who are still active
    (in the grace period before the renewals job marks them lapsed): their
    renewal is overdue, which is still due.
    """
    today = today or timezone.localdate()
    return queryset.filter(
        status=Member.Status.ACTIVE,
        current_period_end__lte=today + datetime.timedelta(days=days),
    )


class MemberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Member.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    membership_type = django_filters.ModelChoiceFilter(
        label=_("Membership type"),
        queryset=MembershipType.objects.all(),
        empty_label=_("All"),
    )
    renewal_due_within = django_filters.NumberFilter(
        label=_("Renewal due within (days)"),
        method="filter_renewal_due_within",
        min_value=0,
        max_value=3660,
        help_text=_(
            "Active members whose period ends within this many days, "
            "including those already overdue."
        ),
    )
    bulletin_consent = django_filters.BooleanFilter(
        label=_("Bulletin by email"), widget=BooleanRadioSelect
    )
    events_consent = django_filters.BooleanFilter(
        label=_("News of events"), widget=BooleanRadioSelect
    )
    gift_aid = django_filters.BooleanFilter(
        label=_("Gift Aid declaration in force"),
        method="filter_gift_aid",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Member
        fields = []

    def filter_renewal_due_within(self, queryset, name, value):
        if value is None:
            return queryset
        return renewal_due_within(queryset, int(value))

    def filter_gift_aid(self, queryset, name, value):
        if value is None:
            return queryset
        in_force = GiftAidDeclaration.objects.filter(cancelled_at__isnull=True).values(
            "member_id"
        )
        if value:
            return queryset.filter(pk__in=in_force)
        return queryset.exclude(pk__in=in_force)
