import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

from psg.events.models import EventIndexPage, EventPage
from psg.events.tests.factories import EventPageFactory
from psg.home.models import HomePage

pytestmark = pytest.mark.django_db

LIMA = ZoneInfo("America/Lima")
LONDON = ZoneInfo("Europe/London")


def test_upcoming_first_soonest_first_then_past(client, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index, title="Later", start=now + datetime.timedelta(days=30)
    )
    EventPageFactory(
        parent=event_index, title="Soon", start=now + datetime.timedelta(days=2)
    )
    EventPageFactory(
        parent=event_index, title="Last year", start=now - datetime.timedelta(days=300)
    )
    EventPageFactory(
        parent=event_index, title="Last month", start=now - datetime.timedelta(days=30)
    )

    response = client.get("/events/")

    assert [e.title for e in response.context["upcoming"]] == ["Soon", "Later"]
    assert [e.title for e in response.context["past"]] == ["Last month", "Last year"]
    html = response.content.decode()
    assert html.index("Soon") < html.index("Later") < html.index("Last month")


def test_event_page_shows_time_in_the_event_zone(client, event_index):
    start = datetime.datetime(2031, 5, 20, 19, 0, tzinfo=LIMA)
    page = EventPageFactory(
        parent=event_index,
        title="Conversatorio: consulta previa",
        start=start,
        end=start + datetime.timedelta(hours=2),
        time_zone="America/Lima",
        venue="",
        online_url="https://example.org/meeting",
        organisers="PSG and CooperAcción",
        registration_url="https://example.org/register",
    )
    html = client.get(page.url).content.decode()
    assert (
        '<time datetime="2031-05-20T19:00:00-05:00">Tuesday 20 May 2031, 19:00</time>'
        in html
    )
    assert '21:00</time> <span class="event-zone">(Peru time)</span>' in html
    assert 'href="https://example.org/register"' in html
    assert "Join online" in html
    assert "PSG and CooperAcción" in html
    assert f'href="/events/{page.slug}.ics"' in html


def test_calendar_feed_parses_back(client, event_index):
    start = datetime.datetime(2031, 5, 20, 18, 30, tzinfo=LONDON)
    EventPageFactory(
        parent=event_index,
        title="Launch of the water report",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue="Amnesty International UK",
        address="25 New Inn Yard\nLondon EC2A 3EA",
    )
    EventPageFactory(
        parent=event_index,
        title="Long past",
        start=timezone.now() - datetime.timedelta(days=800),
    )

    response = client.get("/events/feed.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    found = [c for c in calendar.walk("VEVENT")]
    assert [str(e["summary"]) for e in found] == ["Launch of the water report"]
    event = found[0]
    assert event.decoded("dtstart") == start
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)
    assert event.decoded("dtend") == start + datetime.timedelta(hours=2)
    assert (
        str(event["location"])
        == "Amnesty International UK, 25 New Inn Yard London EC2A 3EA"
    )
    assert str(event["url"]).startswith("http://localhost/events/")
    assert str(event["uid"]).startswith("event-")


def test_single_event_download(client, event_index):
    page = EventPageFactory(parent=event_index, title="One event")
    response = client.get(f"/events/{page.slug}.ics")
    calendar = Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["One event"]
    assert client.get("/events/no-such-event.ics").status_code == 404


def test_unpublished_events_stay_out_of_the_feed(client, event_index):
    page = EventPageFactory(parent=event_index, title="Draft event")
    page.unpublish()
    calendar = Calendar.from_ical(client.get("/events/feed.ics").content)
    assert calendar.walk("VEVENT") == []
    assert client.get(f"/events/{page.slug}.ics").status_code == 404


def post_event(admin_client, event_index, **fields):
    """Add an event through the admin's page form."""
    data = nested_form_data(
        {
            "title": "Encuentro en Lima",
            "slug": "encuentro",
            "start": "2031-07-10 18:00",
            "end": "2031-07-10 20:00",
            "time_zone": "America/Lima",
            "summary": "A meeting in Lima.",
            "status": "scheduled",
            "body": streamfield([]),
            "action-publish": "publish",
            **fields,
        }
    )
    return admin_client.post(
        f"/admin/pages/add/events/eventpage/{event_index.pk}/", data
    )


def test_editor_enters_times_in_the_event_zone(admin_client, event_index):
    response = post_event(admin_client, event_index)
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="encuentro")
    assert page.start == datetime.datetime(2031, 7, 10, 23, 0, tzinfo=datetime.UTC)
    # The edit form shows the same wall-clock time back in Lima time.
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert 'value="10/07/2031 18:00"' in edit.content.decode()


def test_end_before_start_is_refused(admin_client, event_index):
    response = post_event(
        admin_client,
        event_index,
        title="Backwards",
        slug="backwards",
        end="2031-07-10 17:00",
    )
    assert response.status_code == 200
    assert "end" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Backwards"
    assert not EventPage.objects.filter(slug="backwards").exists()


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (EventIndexPage, HomePage, True),
        (EventPage, EventIndexPage, True),
        (EventPage, HomePage, False),
    ],
)
def test_event_pages_live_only_under_their_parents(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_an_events_uid_names_the_site_whatever_host_asked(client, event_index):
    """The UID is stable: calendars that fetched the feed from another
    allowed address do not see a second copy of the event, and a cached feed
    carries no host a visitor chose."""
    page = EventPageFactory(parent=event_index, title="One event")
    site = page.get_site()

    uids = {
        str(
            Calendar.from_ical(client.get(path, HTTP_HOST=host).content).walk("VEVENT")[
                0
            ]["uid"]
        )
        for host in ("localhost", "127.0.0.1")
        for path in ("/events/feed.ics", f"/events/{page.slug}.ics")
    }

    assert uids == {f"event-{page.pk}@{site.hostname}"}
