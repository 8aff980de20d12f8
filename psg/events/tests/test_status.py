"""An event's status: shown to readers, given to calendars, search engines
and the API, and checked in the admin form."""

import datetime
import json
import re

import pytest
from icalendar import Calendar

from django.utils import timezone

from psg.events.models import EventPage, EventStatus
from psg.events.tests.factories import EventPageFactory

from .test_event_pages import post_event

pytestmark = pytest.mark.django_db

SOON = timezone.now() + datetime.timedelta(days=20)


def make(event_index, status, **fields):
    fields.setdefault("venue", "Amnesty International UK")
    fields.setdefault("address", "25 New Inn Yard\nLondon EC2A 3EA")
    return EventPageFactory(
        parent=event_index,
        title="Launch of the water report",
        start=SOON,
        end=SOON + datetime.timedelta(hours=2),
        registration_url="https://example.org/register",
        status=status,
        **fields,
    )


def calendar_event(client, page):
    calendar = Calendar.from_ical(client.get(f"/events/{page.slug}.ics").content)
    (event,) = calendar.walk("VEVENT")
    return event


def structured_event(client, page):
    html = client.get(page.url).content.decode()
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    found = [json.loads(block) for block in blocks]
    return next(data for data in found if data.get("@type") == "Event")


def test_an_event_going_ahead_says_nothing_more(client, event_index):
    page = make(event_index, EventStatus.SCHEDULED)
    html = client.get(page.url).content.decode()
    assert "notice--status" not in html
    assert 'href="https://example.org/register"' in html
    event = calendar_event(client, page)
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["summary"]) == "Launch of the water report"
    assert structured_event(client, page)["eventStatus"] == (
        "https://schema.org/EventScheduled"
    )


@pytest.mark.parametrize(
    ("status", "label", "ical", "schema", "registers"),
    [
        (EventStatus.CANCELLED, "Cancelled", "CANCELLED", "EventCancelled", False),
        (EventStatus.POSTPONED, "Postponed", "TENTATIVE", "EventPostponed", False),
        (
            EventStatus.RESCHEDULED,
            "Rescheduled",
            "CONFIRMED",
            "EventRescheduled",
            True,
        ),
    ],
)
def test_readers_calendars_and_search_engines_are_told(
    client, event_index, status, label, ical, schema, registers
):
    page = make(event_index, status)
    html = client.get(page.url).content.decode()
    assert f'<p class="notice notice--status"><strong>{page.status_message}' in html
    assert ('href="https://example.org/register"' in html) is registers
    listing = client.get("/events/").content.decode()
    assert f'<p class="listing-item__status"><strong>{label}</strong></p>' in listing

    event = calendar_event(client, page)
    assert str(event["status"]) == ical
    assert str(event["summary"]) == f"{label}: Launch of the water report"
    assert ("https://example.org/register" in str(event["description"])) is registers

    data = structured_event(client, page)
    assert data["eventStatus"] == f"https://schema.org/{schema}"

    api = client.get(f"/api/v1/events/{page.pk}/").json()
    assert api["status"] == status


def test_an_event_moved_online_is_online_everywhere(client, event_index):
    page = make(
        event_index,
        EventStatus.MOVED_ONLINE,
        online_url="https://meet.example.org/psg",
    )
    assert page.is_online
    listing = client.get("/events/").content.decode()
    assert "Moved online" in listing
    assert "Amnesty International UK" not in listing
    # The page still names the venue readers knew, and the link to join.
    html = client.get(page.url).content.decode()
    assert "Amnesty International UK" in html
    assert "Join online" in html

    event = calendar_event(client, page)
    assert str(event["location"]) == "https://meet.example.org/psg"
    data = structured_event(client, page)
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == (
        "https://schema.org/OnlineEventAttendanceMode"
    )
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/psg",
    }


def post_moved_online(admin_client, event_index, slug, **fields):
    return post_event(
        admin_client,
        event_index,
        title=slug,
        slug=slug,
        status=EventStatus.MOVED_ONLINE,
        **fields,
    )


def test_moving_online_without_a_link_is_refused_keeping_the_form(
    admin_client, event_index
):
    response = post_moved_online(
        admin_client, event_index, "sin-enlace", venue="Centro Cultural"
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["online_url"] == [
        "An event moved online needs the link to join it."
    ]
    assert form["title"].value() == "sin-enlace"
    assert form["venue"].value() == "Centro Cultural"
    assert not EventPage.objects.filter(slug="sin-enlace").exists()

    response = post_moved_online(
        admin_client,
        event_index,
        "con-enlace",
        online_url="https://meet.example.org/psg",
    )
    assert response.status_code == 302
    assert EventPage.objects.get(slug="con-enlace").status == EventStatus.MOVED_ONLINE


def test_a_new_event_goes_ahead_by_default(admin_client, event_index):
    form = admin_client.get(
        f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    ).context["form"]
    assert form["status"].value() == EventStatus.SCHEDULED
