"""The listings' filters, alone and together, and what a bad value gets."""

import datetime

import pytest

from psg.events.models import EventPage
from psg.events.tests.factories import EventPageFactory
from psg.news.models import NewsPage
from psg.publications.models import PublicationPage

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def titles(client, address):
    response = client.get(address)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


LETTER = "Letter from Cajamarca: the rondas"
ANALYSIS = "Water and mining in Puno"
UNDATED = "An archive item"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", [LETTER, ANALYSIS, UNDATED]),
        ("region=puno", [ANALYSIS]),
        ("region=cajamarca,puno", [LETTER, ANALYSIS]),
        ("region=cajamarca&region=puno", [LETTER, ANALYSIS]),
        ("region=cusco,puno", [ANALYSIS]),  # once, though it has both
        ("region=tacna", []),
        ("topic=mining", [LETTER, ANALYSIS]),
        ("topic=water", [ANALYSIS]),
        ("topic=water&topic=mining", [LETTER, ANALYSIS]),
        ("series=letter-from-cajamarca", [LETTER]),
        ("kind=letter", [LETTER]),
        ("kind=letter,analysis", [LETTER, ANALYSIS]),
        ("kind=news", [UNDATED]),
        ("date_from=2024-01-01", [LETTER]),
        ("date_to=2023-12-31", [ANALYSIS]),
        ("date_from=2023-11-01&date_to=2024-03-23", [LETTER, ANALYSIS]),
        ("date_from=2023-11-02&date_to=2024-03-22", []),
        ("year=2023", [ANALYSIS]),
        ("year=2024", [LETTER]),
        ("ordering=date", [ANALYSIS, LETTER, UNDATED]),
        ("ordering=-date", [LETTER, ANALYSIS, UNDATED]),
        # Together: every filter must hold.
        ("region=puno&topic=water&kind=analysis&year=2023", [ANALYSIS]),
        ("region=puno&kind=letter", []),
        ("topic=mining&date_from=2024-01-01&kind=letter,analysis", [LETTER]),
        ("region=cajamarca,puno&ordering=date&year=2024", [LETTER]),
        ("series=letter-from-cajamarca&region=puno", []),
        ("region=&topic=", [LETTER, ANALYSIS, UNDATED]),  # empty is no filter
    ],
)
def test_news_filters(client, content, query, expected):
    assert titles(client, f"/api/v1/news/?{query}") == expected


def publish_times(model, times):
    """Set when pages were last published, {title: moment}."""
    for title, moment in times.items():
        model.objects.filter(title=title).update(last_published_at=moment)


def test_updated_since_and_ordering_by_last_published(client, content):
    publish_times(
        NewsPage,
        {
            LETTER: datetime.datetime(2025, 1, 1, 9, 0, tzinfo=UTC),
            ANALYSIS: datetime.datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
            UNDATED: datetime.datetime(2024, 6, 1, 9, 0, tzinfo=UTC),
        },
    )
    assert titles(client, "/api/v1/news/?updated_since=2025-01-01T09:00:00Z") == [
        LETTER,
        ANALYSIS,
    ]
    assert titles(client, "/api/v1/news/?updated_since=2025-01-01T09:00:01Z") == [
        ANALYSIS
    ]
    # An offset, sent escaped or (as a browser's "+" turns into a space) not.
    for since in ("2025-01-01T10:00:01%2B01:00", "2025-01-01T10:00:01+01:00"):
        assert titles(client, f"/api/v1/news/?updated_since={since}") == [ANALYSIS]
    # Any offset the format allows, even past what PostgreSQL takes.
    assert titles(
        client, "/api/v1/news/?updated_since=2025-01-02T08:58:01%2B23:58"
    ) == [ANALYSIS]
    # Without an offset: UK time (GMT in January).
    assert titles(client, "/api/v1/news/?updated_since=2025-01-01T09:00:01") == [
        ANALYSIS
    ]
    assert titles(client, "/api/v1/news/?updated_since=2025-01-01") == [
        LETTER,
        ANALYSIS,
    ]
    assert titles(client, "/api/v1/news/?ordering=last_published_at") == [
        UNDATED,
        LETTER,
        ANALYSIS,
    ]
    assert titles(
        client,
        "/api/v1/news/?ordering=-last_published_at&updated_since=2024-12-31&kind=letter",
    ) == [LETTER]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Conflict in the south", "Briefing on the elections"]),
        ("kind=briefing", ["Briefing on the elections"]),
        (
            "kind=report,briefing&ordering=date",
            [
                "Briefing on the elections",
                "Conflict in the south",
            ],
        ),
        ("region=puno", ["Conflict in the south"]),
        ("topic=water&kind=briefing", []),
        ("year=2021", ["Briefing on the elections"]),
        ("date_from=2022-01-01", ["Conflict in the south"]),
        ("date_to=2021-12-31&region=puno", []),
    ],
)
def test_publication_filters(client, content, query, expected):
    assert titles(client, f"/api/v1/publications/?{query}") == expected


def test_publications_updated_since(client, content):
    publish_times(
        PublicationPage,
        {
            "Conflict in the south": datetime.datetime(2025, 5, 1, tzinfo=UTC),
            "Briefing on the elections": datetime.datetime(2025, 4, 1, tzinfo=UTC),
        },
    )
    assert titles(client, "/api/v1/publications/?updated_since=2025-04-15") == [
        "Conflict in the south"
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Talk in London", "Webinar from Lima"]),
        ("ordering=start", ["Webinar from Lima", "Talk in London"]),
        ("date_from=2025-01-01", ["Talk in London"]),
        ("date_to=2024-12-31", ["Webinar from Lima"]),
        ("year=2024", ["Webinar from Lima"]),
        ("region=lima-province", ["Talk in London"]),
        ("topic=human-rights&year=2024", []),
    ],
)
def test_event_filters(client, content, query, expected):
    assert titles(client, f"/api/v1/events/?{query}") == expected


def test_event_dates_are_uk_dates(client, event_index):
    # 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST).
    EventPageFactory(
        parent=event_index,
        title="Late",
        start=datetime.datetime(2024, 6, 30, 23, 30, tzinfo=UTC),
        end=datetime.datetime(2024, 7, 1, 1, 0, tzinfo=UTC),
    )
    assert titles(client, "/api/v1/events/?date_from=2024-07-01") == ["Late"]
    assert titles(client, "/api/v1/events/?date_to=2024-06-30") == []


def test_events_updated_since(client, content):
    publish_times(
        EventPage,
        {
            "Talk in London": datetime.datetime(2025, 2, 1, tzinfo=UTC),
            "Webinar from Lima": datetime.datetime(2023, 2, 1, tzinfo=UTC),
        },
    )
    assert titles(client, "/api/v1/events/?updated_since=2024-01-01T00:00:00Z") == [
        "Talk in London"
    ]


# Bad values ---------------------------------------------------------------------

MANY_SLUGS = ",".join(f"r{number}" for number in range(51))


@pytest.mark.parametrize(
    "address, parameter, message",
    [
        (
            "/api/v1/news/?region=atlantis",
            "region",
            "Unknown region: “atlantis”. The slugs are listed at /api/v1/regions/.",
        ),
        (
            "/api/v1/news/?region=puno,atlantis,lemuria",
            "region",
            "Unknown region: “atlantis”, “lemuria”. The slugs are listed at "
            "/api/v1/regions/.",
        ),
        (
            "/api/v1/events/?topic=cooking",
            "topic",
            "Unknown topic: “cooking”. The slugs are listed at /api/v1/topics/.",
        ),
        (
            "/api/v1/news/?series=nope",
            "series",
            "Unknown series: “nope”. The slugs are listed at /api/v1/series/.",
        ),
        (
            "/api/v1/news/?kind=blog",
            "kind",
            "Unknown kind: “blog”. Choose from: news, analysis, editorial, letter, "
            "correction.",
        ),
        (
            "/api/v1/publications/?kind=letter",
            "kind",
            "Unknown kind: “letter”. Choose from: report, case-study, submission, "
            "briefing, update-extra, article, event-report.",
        ),
        (f"/api/v1/news/?region={MANY_SLUGS}", "region", "Give at most 50 values."),
        (
            "/api/v1/news/?date_from=2024-13-01",
            "date_from",
            "Give a date as YYYY-MM-DD, such as 2024-05-01.",
        ),
        (
            "/api/v1/events/?date_to=01/02/2024",
            "date_to",
            "Give a date as YYYY-MM-DD, such as 2024-05-01.",
        ),
        (
            "/api/v1/news/?date_from=2024-01-01&date_to=2023-01-01",
            "date_to",
            "date_to (2023-01-01) is before date_from (2024-01-01).",
        ),
        ("/api/v1/news/?year=abc", "year", "Give a year from 1900 to 2100."),
        ("/api/v1/publications/?year=1800", "year", "Give a year from 1900 to 2100."),
        (
            "/api/v1/news/?updated_since=yesterday",
            "updated_since",
            "Give a date and time in ISO 8601, such as 2024-05-01T09:30:00Z or "
            "2024-05-01T10:30:00+01:00.",
        ),
        (
            "/api/v1/news/?updated_since=9999-12-31T23:59:59-23:59",
            "updated_since",
            "That date and time is out of range.",
        ),
        (
            "/api/v1/news/?ordering=title",
            "ordering",
            "Unknown ordering. Choose from: -date, date, -last_published_at, "
            "last_published_at.",
        ),
        (
            "/api/v1/events/?ordering=-date",
            "ordering",
            "Unknown ordering. Choose from: -start, start, -last_published_at, "
            "last_published_at.",
        ),
        ("/api/v1/news/?page=0", "page", "Give a whole number from 1."),
        ("/api/v1/news/?page=two", "page", "Give a whole number from 1."),
        (
            "/api/v1/news/?page_size=101",
            "page_size",
            "Give a whole number from 1 to 100.",
        ),
        (
            "/api/v1/events/?page_size=0",
            "page_size",
            "Give a whole number from 1 to 100.",
        ),
        ("/api/v1/news/?region=%00", "region", "Unknown region: “\x00”."),
        ("/api/v1/news/?topic=100%25", "topic", "Unknown topic: “100%”."),
        ("/api/v1/news/?date_from=%00", "date_from", "Give a date as YYYY-MM-DD"),
    ],
)
def test_bad_values_are_a_400_naming_the_parameter(
    client, db, address, parameter, message
):
    response = client.get(address)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["detail"] == f"Invalid query parameters: {parameter}."
    assert list(data["errors"]) == [parameter]
    assert data["errors"][parameter][0].startswith(message)


def test_every_bad_filter_is_named_at_once(client, content):
    data = client.get(
        "/api/v1/news/?region=atlantis&year=x&kind=blog&topic=water"
    ).json()
    assert data["detail"] == "Invalid query parameters: kind, region, year."
    assert set(data["errors"]) == {"kind", "region", "year"}


def test_unknown_parameters_are_ignored(client, content):
    assert titles(client, "/api/v1/news/?colour=red&region=puno") == [ANALYSIS]
