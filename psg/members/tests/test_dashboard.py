"""The membership dashboard: its figures, chart and table, and the home panel."""

import datetime
import re

import pytest
from dateutil.relativedelta import relativedelta

from django.urls import reverse
from django.utils import timezone

from psg.members.desk import dashboard
from psg.members.models import Member

from .factories import MemberFactory, membership_type, secretary_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)
ACTIVE = Member.Status.ACTIVE
LAPSED = Member.Status.LAPSED
CANCELLED = Member.Status.CANCELLED


def test_active_members_are_counted_by_type():
    MemberFactory.create_batch(3, status=ACTIVE)
    MemberFactory(status=ACTIVE, membership_type=membership_type("Organisation"))
    MemberFactory(status=LAPSED)
    MemberFactory(status=Member.Status.AWAITING_PAYMENT)
    MemberFactory(status=ACTIVE, erased_at=timezone.now())
    types, total = dashboard.active_members_by_type()
    assert [(t.name, t.active) for t in types] == [
        ("Individual", 3),
        ("Concession", 0),
        ("Organisation", 1),
    ]
    assert total == 4


def test_joins_are_counted_in_the_month_of_joining():
    for joined in [
        datetime.date(2025, 3, 31),  # before the twelve months
        datetime.date(2025, 4, 1),
        datetime.date(2025, 4, 30),
        datetime.date(2026, 1, 15),
        datetime.date(2026, 3, 15),
    ]:
        MemberFactory(joined=joined)
    months = dashboard.joins_and_lapses(TODAY)
    assert [m.start for m in months] == [
        datetime.date(2025, 4, 1) + _months(n) for n in range(12)
    ]
    joins = {m.start: m.joins for m in months if m.joins}
    assert joins == {
        datetime.date(2025, 4, 1): 2,
        datetime.date(2026, 1, 1): 1,
        datetime.date(2026, 3, 1): 1,
    }


def test_lapses_are_counted_when_the_grace_after_the_period_end_runs_out():
    def member(status, end):
        MemberFactory(status=status, current_period_end=end)

    member(LAPSED, datetime.date(2026, 1, 10))  # grace ends 9 Feb 2026
    member(CANCELLED, datetime.date(2026, 1, 20))  # 19 Feb 2026
    member(LAPSED, datetime.date(2025, 3, 5))  # 4 Apr 2025, the first month
    member(LAPSED, datetime.date(2025, 2, 20))  # 22 Mar 2025: too long ago
    member(CANCELLED, datetime.date(2026, 2, 20))  # 22 Mar 2026: not yet
    member(ACTIVE, datetime.date(2025, 12, 1))  # renewed, or not lapsed yet
    member(LAPSED, datetime.date(2026, 2, 13))  # 15 Mar 2026: today
    lapses = {m.start: m.lapses for m in dashboard.joins_and_lapses(TODAY) if m.lapses}
    assert lapses == {
        datetime.date(2025, 4, 1): 1,
        datetime.date(2026, 2, 1): 2,
        datetime.date(2026, 3, 1): 1,
    }


def test_renewals_due_are_active_members_ending_within_30_days():
    def member(name, status, days):
        MemberFactory(
            name=name,
            status=status,
            current_period_end=TODAY + datetime.timedelta(days=days),
        )

    member("Due in 30 days", ACTIVE, 30)
    member("Due tomorrow", ACTIVE, 1)
    member("Overdue, in grace", ACTIVE, -10)
    member("Due in 31 days", ACTIVE, 31)
    member("Lapsed", LAPSED, -40)
    member("Cancelled", CANCELLED, 5)
    MemberFactory(name="Erased", status=ACTIVE, erased_at=timezone.now())
    assert [m.name for m in dashboard.renewals_due(TODAY)] == [
        "Overdue, in grace",
        "Due tomorrow",
        "Due in 30 days",
    ]


def test_the_chart_scales_its_bars_to_a_round_axis():
    months = [dashboard.Month(datetime.date(2026, n, 1)) for n in range(1, 13)]
    months[0].joins = 7
    months[1].lapses = 2
    chart = dashboard.chart(months)
    assert [tick["value"] for tick in chart["ticks"]] == [0, 2, 4, 6, 8]
    first, second = chart["groups"][:2]
    assert first["joins"]["height"] == pytest.approx(
        (dashboard.CHART_HEIGHT - dashboard.PLOT_TOP - dashboard.PLOT_BOTTOM) * 7 / 8,
        abs=0.1,
    )
    assert second["lapses"]["height"] == pytest.approx(
        first["joins"]["height"] * 2 / 7, abs=0.1
    )
    assert first["lapses"]["height"] == 0
    assert dashboard.nice_ceiling(0) == (4, 1)
    assert dashboard.nice_ceiling(37) == (40, 10)
    assert dashboard.nice_ceiling(4321) == (10000, 2500)


def test_the_dashboard_page_shows_the_figures_chart_and_renewals(client):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    MemberFactory.create_batch(2, status=ACTIVE, joined=this_month)
    due = MemberFactory(
        name="Quispe <Due>",
        status=ACTIVE,
        current_period_end=today + datetime.timedelta(days=3),
        membership_type=membership_type("Concession"),
    )
    MemberFactory(
        status=LAPSED,
        joined=datetime.date(2015, 1, 1),
        # Its grace runs out on the 1st of this month.
        current_period_end=this_month - datetime.timedelta(days=30),
    )
    client.force_login(secretary_user())
    response = client.get(reverse("desk_dashboard:index"))
    assert response.status_code == 200
    html = response.content.decode()

    svg = re.search(r'<svg[^>]*class="members-chart"[^>]*>.*?</svg>', html, re.S)[0]
    assert 'role="img"' in svg
    assert 'aria-labelledby="members-chart-title members-chart-desc"' in svg
    month_name = timezone.datetime(today.year, today.month, 1).strftime("%B %Y")
    assert '<title id="members-chart-title">Joins and lapses per month' in svg
    assert f"to {month_name}</title>" in svg
    assert '<desc id="members-chart-desc">Bar chart: 3 joins and 1 lapses' in svg

    table = re.search(r'id="joins-lapses-table">.*?</table>', html, re.S)[0]
    table_rows = re.findall(
        r'<th scope="row">(.*?)</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>', table
    )
    assert len(table_rows) == 12
    assert table_rows[-1] == (month_name, "3", "1")

    active = response.context["types"]
    assert {t.name: t.active for t in active} == {
        "Individual": 2,
        "Concession": 1,
        "Organisation": 0,
    }
    assert response.context["active_total"] == 3
    assert "Quispe &lt;Due&gt;" in html
    assert reverse("desk_members:edit", args=[due.pk]) in html


def test_the_admin_home_shows_a_membership_summary_to_the_secretary(client):
    today = timezone.localdate()
    MemberFactory(
        status=ACTIVE, current_period_end=today + datetime.timedelta(days=400)
    )
    due = MemberFactory(
        name="Renata Due",
        status=ACTIVE,
        current_period_end=today + datetime.timedelta(days=12),
    )
    client.force_login(secretary_user())
    html = client.get("/admin/").content.decode()
    assert "2 active members." in html
    assert "1 renewal due in the next 30 days." in html
    assert reverse("desk_members:edit", args=[due.pk]) in html
    assert reverse("desk_dashboard:index") in html


def _months(n):
    return relativedelta(months=n)
