"""Events: talks, launches and meetings in London, Lima and online."""

from zoneinfo import ZoneInfo

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from psg.core.blocks import BodyBlock
from psg.core.locales import TranslatedRelationsMixin
from psg.core.models import BasePage, SectionIndexPage
from psg.core.page_kinds import PageKind
from psg.core.search_index import TEXT_BOOST, SearchableMixin, site_search_fields
from psg.taxonomy.models import regions_field, topics_field


class EventTimeZone(models.TextChoices):
    LONDON = "Europe/London", _("London (UK time)")
    LIMA = "America/Lima", _("Lima (Peru time)")
    MADRID = "Europe/Madrid", _("Madrid / Brussels / Geneva")
    NEW_YORK = "America/New_York", _("New York / Washington")
    UTC = "UTC", _("UTC")


ZONE_LABELS = {
    EventTimeZone.LONDON: _("UK time"),
    EventTimeZone.LIMA: _("Peru time"),
    EventTimeZone.MADRID: _("Central European time"),
    EventTimeZone.NEW_YORK: _("US Eastern time"),
    EventTimeZone.UTC: "UTC",
}


class EventStatus(models.TextChoices):
    """Whether an event goes ahead as announced: shown to readers and given
    to calendars (iCalendar STATUS) and search engines (schema.org
    eventStatus)."""

    SCHEDULED = "scheduled", _("Goes ahead as announced")
    RESCHEDULED = "rescheduled", _("Rescheduled: the dates above are the new ones")
    POSTPONED = "postponed", _("Postponed: new dates to be announced")
    MOVED_ONLINE = "moved_online", _("Moved online")
    CANCELLED = "cancelled", _("Cancelled")


# What readers see of an event whose status is not SCHEDULED: a word beside
# it in lists and calendars, and the sentence its page opens with.
STATUS_NOTICES = {
    EventStatus.RESCHEDULED: (
        _("Rescheduled"),
        _("This event has been rescheduled: the dates below are the new ones."),
    ),
    EventStatus.POSTPONED: (
        _("Postponed"),
        _("This event has been postponed. New dates will be announced here."),
    ),
    EventStatus.MOVED_ONLINE: (
        _("Moved online"),
        _("This event has moved online: join it with the link below."),
    ),
    EventStatus.CANCELLED: (_("Cancelled"), _("This event has been cancelled.")),
}


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed in the event's own time zone, stored in UTC."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = ZoneInfo(self.instance.time_zone or EventTimeZone.LONDON)
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if value and name in self.fields:
                self.initial[name] = timezone.localtime(value, zone).replace(
                    tzinfo=None
                )
            if name in self.fields:
                self.fields[name].help_text = _(
                    "In the event's time zone, chosen below."
                )

    def clean(self):
        cleaned = super().clean()
        zone = ZoneInfo(cleaned.get("time_zone") or EventTimeZone.LONDON)
        for name in ("start", "end"):
            value = cleaned.get(name)
            if value:
                # The field read the wall-clock time in the site's zone;
                # re-read the same wall-clock time in the event's zone.
                naive = timezone.make_naive(value)
                cleaned[name] = timezone.make_aware(naive, zone)
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error(
                "end", forms.ValidationError(_("The end is before the start."))
            )
        if cleaned.get("status") == EventStatus.MOVED_ONLINE and not cleaned.get(
            "online_url"
        ):
            self.add_error(
                "online_url",
                forms.ValidationError(
                    _("An event moved online needs the link to join it.")
                ),
            )
        return cleaned


class EventIndexPage(SectionIndexPage):
    """/events/: upcoming events first, soonest first; then past ones."""

    template = "pages/event_index_page.html"
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return EventPage.objects.live().public().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming"] = self.events().filter(end__gte=now).order_by("start")
        context["past"] = self.events().filter(end__lt=now).order_by("-start")[:50]
        return context


class EventPage(TranslatedRelationsMixin, SearchableMixin, BasePage):
    translated_relations = ("regions", "topics")

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=EventTimeZone.choices,
        default=EventTimeZone.LONDON,
    )
    summary = models.TextField(_("summary"), max_length=300)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For an online or hybrid event.")
    )
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Readers, calendars and search engines are told when an event is "
            "cancelled, postponed, rescheduled or moved online."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    regions = regions_field()
    topics = topics_field()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("time_zone"),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("organisers"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("regions"), FieldPanel("topics")],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=TEXT_BOOST),
        index.SearchField("body", boost=TEXT_BOOST),
        index.SearchField("venue", boost=TEXT_BOOST),
        *site_search_fields(),
        index.FilterField("start"),
    ]

    base_form_class = EventPageForm
    template = "pages/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    page_kind = PageKind(
        name="event",
        label=_("Event"),
        plural=_("Events"),
        order=30,
        date_field="start",
        result_fields=("start", "time_zone"),
    )

    class Meta:
        verbose_name = _("event")

    def summary_text(self):
        return self.summary

    def listing_date(self):
        start = self.local_start
        return date_format(start, "DATE_FORMAT"), start.date().isoformat()

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def zone_label(self):
        """How readers name the zone: "UK time", "Peru time"."""
        return ZONE_LABELS.get(self.time_zone, self.time_zone)

    @property
    def is_online(self):
        if self.status == EventStatus.MOVED_ONLINE:
            return True
        return bool(self.online_url) and not (self.venue or self.address)

    @property
    def status_notice(self):
        """ "Cancelled", "Postponed"…; empty for an event going ahead."""
        return STATUS_NOTICES.get(self.status, ("", ""))[0]

    @property
    def status_message(self):
        """The sentence the event's page opens with; empty for an event
        going ahead."""
        return STATUS_NOTICES.get(self.status, ("", ""))[1]

    @property
    def takes_registrations(self):
        """Whether readers are asked to register: an event still to come
        that is neither cancelled nor postponed."""
        return (
            bool(self.registration_url)
            and not self.is_past
            and self.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED)
        )

    @property
    def is_past(self):
        return self.end < timezone.now()
