"""An event's calendar file and the calendar feed (docs/caching.md)."""

from django.urls import reverse

from .models import EventPage


def calendar_paths(page, site):
    if not isinstance(page, EventPage):
        return []
    return [reverse("events_feed"), reverse("event_ics", args=[page.slug])]
