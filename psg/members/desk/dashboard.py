"""The membership dashboard: figures, a chart drawn as SVG, the admin view and
the panel on the admin's home page. docs/membership.md ("Dashboard figures")
defines each figure: active members, joins, lapses, renewals due.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from psg.members.models import Member, MembershipType
from psg.members.renewals import LAPSE_DAYS_AFTER

from .filters import renewal_due_within
from .views import DeskPermissionMixin, can_use_desk

GRACE_DAYS = LAPSE_DAYS_AFTER
MONTHS = 12
RENEWALS_DUE_DAYS = 30


@dataclass
class Month:
    start: datetime.date
    joins: int = 0
    lapses: int = 0

    @property
    def label(self):
        return date_format(self.start, "M")

    @property
    def long_label(self):
        return date_format(self.start, "YEAR_MONTH_FORMAT")


def active_members_by_type():
    """Every membership type with its number of active members, and the total."""
    types = list(
        MembershipType.objects.annotate(
            active=Count(
                "members",
                filter=Q(
                    members__status=Member.Status.ACTIVE,
                    members__erased_at__isnull=True,
                ),
            )
        ).order_by("sort_order", "name")
    )
    return types, sum(t.active for t in types)


def joins_and_lapses(today=None, months=MONTHS):
    """The last ``months`` months, oldest first, this month last."""
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    starts = [this_month - relativedelta(months=n) for n in range(months - 1, -1, -1)]
    first = starts[0]
    grace = datetime.timedelta(days=GRACE_DAYS)

    joins = Counter(
        joined.replace(day=1)
        for joined in Member.objects.filter(
            joined__gte=first, joined__lte=today
        ).values_list("joined", flat=True)
    )
    lapses = Counter(
        (period_end + grace).replace(day=1)
        for period_end in Member.objects.filter(
            status__in=[Member.Status.LAPSED, Member.Status.CANCELLED],
            current_period_end__gte=first - grace,
            current_period_end__lte=today - grace,
        ).values_list("current_period_end", flat=True)
    )
    return [Month(start, joins[start], lapses[start]) for start in starts]


def renewals_due(today=None, days=RENEWALS_DUE_DAYS):
    return (
        renewal_due_within(Member.objects.not_erased(), days, today=today)
        .select_related("membership_type")
        .order_by("current_period_end", "name")
    )


# The chart -------------------------------------------------------------------

CHART_WIDTH = 720
CHART_HEIGHT = 260
PLOT_LEFT = 40
PLOT_RIGHT = 10
PLOT_TOP = 30
PLOT_BOTTOM = 40


def nice_ceiling(value):
    """The axis maximum: a round number at or above ``value`` (at least 4)."""
    value = max(value, 4)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 4:
            return step * 4, step
    step = 10 ** len(str(value))
    return step, step // 4


def chart(months):
    """The geometry of a grouped bar chart of joins and lapses, for
    members/desk/chart.html."""
    top, step = nice_ceiling(
        max([m.joins for m in months] + [m.lapses for m in months])
    )
    plot_width = CHART_WIDTH - PLOT_LEFT - PLOT_RIGHT
    plot_height = CHART_HEIGHT - PLOT_TOP - PLOT_BOTTOM
    baseline = PLOT_TOP + plot_height
    group_width = plot_width / len(months)
    bar_width = group_width * 0.35

    def height(value):
        return round(plot_height * value / top, 1)

    groups = []
    for index, month in enumerate(months):
        x = PLOT_LEFT + index * group_width + group_width * 0.15
        groups.append(
            {
                "month": month,
                "label_x": round(PLOT_LEFT + (index + 0.5) * group_width, 1),
                # The year under the first month and under each January.
                "year": month.start.year
                if index == 0 or month.start.month == 1
                else None,
                "joins": {
                    "x": round(x, 1),
                    "y": round(baseline - height(month.joins), 1),
                    "height": height(month.joins),
                },
                "lapses": {
                    "x": round(x + bar_width, 1),
                    "y": round(baseline - height(month.lapses), 1),
                    "height": height(month.lapses),
                },
            }
        )
    ticks = [
        {"value": value, "y": round(baseline - height(value), 1)}
        for value in range(0, top + 1, step)
    ]
    total_joins = sum(m.joins for m in months)
    total_lapses = sum(m.lapses for m in months)
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PLOT_LEFT,
        "right": CHART_WIDTH - PLOT_RIGHT,
        "baseline": baseline,
        "bar_width": round(bar_width, 1),
        "label_y": baseline + 16,
        "year_y": baseline + 31,
        "groups": groups,
        "ticks": ticks,
        "title": _("Joins and lapses per month, %(first)s to %(last)s")
        % {"first": months[0].long_label, "last": months[-1].long_label},
        "description": _(
            "Bar chart: %(joins)s joins and %(lapses)s lapses over %(count)s "
            "months. The table below gives the figures for each month."
        )
        % {"joins": total_joins, "lapses": total_lapses, "count": len(months)},
    }


# The view and the home page panel ---------------------------------------------


class DashboardView(DeskPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Membership dashboard")
    header_icon = "table"
    template_name = "members/desk/dashboard.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        types, total = active_members_by_type()
        months = joins_and_lapses(today)
        context.update(
            {
                "types": types,
                "active_total": total,
                "months": months,
                "chart": chart(months),
                "renewals_due": renewals_due(today),
                "renewals_due_days": RENEWALS_DUE_DAYS,
                "grace_days": GRACE_DAYS,
                "members_url": reverse("desk_members:index"),
            }
        )
        return context


class MembershipHomePanel(Component):
    """A summary on the admin's home page, for users who may see members."""

    name = "membership"
    template_name = "members/desk/home_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        _types, total = active_members_by_type()
        due = renewals_due()
        context.update(
            {
                "active_total": total,
                "renewals_due": list(due[:10]),
                "renewals_due_count": due.count(),
                "renewals_due_days": RENEWALS_DUE_DAYS,
                "dashboard_url": reverse("desk_dashboard:index"),
                "renewals_url": reverse("desk_members:index")
                + f"?renewal_due_within={RENEWALS_DUE_DAYS}",
            }
        )
        return context


def add_home_panel(request, panels):
    if can_use_desk(request.user):
        panels.append(MembershipHomePanel())
