from datetime import timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wagtail.models import Site

from .calendar import build_calendar
from .models import EventPage


def _site_events(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return EventPage.objects.live().public().descendant_of(site.root_page)


def _ics_response(calendar, filename):
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(request):
    """Every upcoming event and those of the past year, for subscription."""
    since = timezone.now() - timedelta(days=365)
    events = _site_events(request).filter(end__gte=since).order_by("start")
    return _ics_response(build_calendar(events, request), "psg-events.ics")


def event_ics(request, slug):
    event = get_object_or_404(_site_events(request), slug=slug)
    return _ics_response(
        build_calendar([event], request, name=event.title), f"{event.slug}.ics"
    )
