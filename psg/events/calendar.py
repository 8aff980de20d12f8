"""iCalendar (RFC 5545) for events: the whole feed and one event at a time."""

from datetime import timedelta

from icalendar import Calendar, Event, vText

from django.utils import timezone
from django.utils.html import strip_tags

from psg.core.sites import site_for

from .models import EventStatus

PRODID = "-//Peru Support Group//Events//EN"
# RFC 5545 STATUS for each EventStatus: a postponed event has no date yet.
ICAL_STATUSES = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def build_calendar(events, request, name="Peru Support Group events"):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add(
        "refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"}
    )
    # The UID's domain is the site's configured one, never the request's Host
    # header: an event keeps one UID whichever address it was fetched from,
    # and a cached feed cannot carry a visitor's chosen host.
    site = site_for(request)
    domain = site.hostname if site else "perusupportgroup.org.uk"
    for event in events:
        calendar.add_component(build_event(event, request, domain))
    return calendar


def build_event(page, request, domain):
    url = page.get_full_url(request)
    event = Event()
    event.add("uid", f"event-{page.pk}@{domain}")
    event.add("dtstamp", timezone.now())
    event.add("last-modified", page.last_published_at or timezone.now())
    # Local times with their zone, so calendars show them as organisers meant.
    event.add("dtstart", page.local_start)
    event.add("dtend", page.local_end)
    # Calendars that show no STATUS still show the summary.
    notice = page.status_notice
    event.add("summary", f"{notice}: {page.title}" if notice else page.title)
    event.add("status", ICAL_STATUSES[page.status])
    description = page.summary
    if page.takes_registrations:
        description += f"\n\nRegister: {page.registration_url}"
    event.add("description", strip_tags(description))
    event.add("url", url)
    location = ", ".join(
        part for part in (page.venue, " ".join(page.address.split())) if part
    )
    if page.status == EventStatus.MOVED_ONLINE:
        location = page.online_url
    if location:
        event.add("location", vText(location))
    elif page.online_url:
        event.add("location", vText(page.online_url))
    if page.organisers:
        event.add("organizer", vText(page.organisers))
    return event
