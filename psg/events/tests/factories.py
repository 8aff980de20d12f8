import datetime

import factory
import wagtail_factories

from django.utils import timezone

from psg.events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    summary = factory.LazyAttribute(lambda o: f"About {o.title}.")
    venue = "Amnesty International UK, 25 New Inn Yard, London"

    class Meta:
        model = EventPage
