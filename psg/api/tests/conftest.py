"""Fixtures for the partners' API: a little of each section (the sections
themselves come from the root conftest.py)."""

import datetime

import pytest
from fpdf import FPDF

from django.core.cache import cache
from django.core.files.base import ContentFile

from psg.events.tests.factories import EventPageFactory
from psg.news.tests.factories import AuthorFactory, NewsPageFactory
from psg.publications.tests.factories import (
    DocumentFactory,
    PublicationFileFactory,
    PublicationPageFactory,
)
from psg.taxonomy.tests.factories import SeriesFactory, region, topic


@pytest.fixture(autouse=True)
def api_settings(settings):
    """No throttling unless a test asks for it; a fresh count for each test.

    Background work that saving pages queues (search indexing, reading PDFs'
    text) is kept, not run: the API reads neither, and running it at once
    would make each test's content several times slower to create.
    """
    settings.PSG_API_RATE = ""
    settings.PSG_API_CACHE_SECONDS = 300
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    cache.clear()
    yield settings
    cache.clear()


def classify(page, regions=(), topics=()):
    """Give a page regions and topics (slugs) and publish it again."""
    for slug in regions:
        page.regions.add(region(slug))
    for slug in topics:
        page.topics.add(topic(slug))
    page.save_revision().publish()
    return page


def pdf_document(title, name="report.pdf"):
    """A document holding a real one-page PDF that says ``title``."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, title.encode("latin-1", "replace").decode("latin-1"))
    return DocumentFactory(
        title=title, file=ContentFile(bytes(pdf.output()), name=name)
    )


@pytest.fixture
def content(news_index, publication_index, event_index):
    """A small archive: three news items (one undated, one in a series, with
    authors), two publications with files, and two events."""
    series = SeriesFactory(
        name="Letter from Cajamarca",
        slug="letter-from-cajamarca",
        region=region("cajamarca"),
    )
    letter = NewsPageFactory(
        parent=news_index,
        title="Letter from Cajamarca: the rondas",
        date=datetime.date(2024, 3, 23),
        kind="letter",
        series=series,
        teaser="Hualgayoc is a cold town.",
        body=[("paragraph", "<p>The rondas keep order.</p>")],
    )
    letter.authors.add(AuthorFactory(name="Julia Urrunaga", role="Correspondent"))
    classify(letter, regions=["cajamarca"], topics=["mining"])
    analysis = NewsPageFactory(
        parent=news_index,
        title="Water and mining in Puno",
        date=datetime.date(2023, 11, 1),
        date_precision="month",
        kind="analysis",
        teaser="Lake Titicaca and the mines.",
    )
    classify(analysis, regions=["puno", "cusco"], topics=["water", "mining"])
    undated = NewsPageFactory(
        parent=news_index, title="An archive item", date=None, teaser="Undated."
    )
    report = PublicationPageFactory(
        parent=publication_index,
        title="Conflict in the south",
        date=datetime.date(2022, 6, 1),
        kind="report",
        summary="A report on conflict.\n\nIts second paragraph.",
        publisher="King's College London",
    )
    PublicationFileFactory(
        publication=report, document=pdf_document("Conflict (English)"), language="en"
    )
    PublicationFileFactory(
        publication=report,
        document=pdf_document("Conflicto (español)", name="informe.pdf"),
        language="es",
    )
    classify(report, regions=["puno"], topics=["water"])
    briefing = PublicationPageFactory(
        parent=publication_index,
        title="Briefing on the elections",
        date=datetime.date(2021, 1, 1),
        date_precision="year",
        kind="briefing",
    )
    talk = EventPageFactory(
        parent=event_index,
        title="Talk in London",
        start=datetime.datetime(2025, 6, 12, 17, 30, tzinfo=datetime.UTC),
        end=datetime.datetime(2025, 6, 12, 19, 0, tzinfo=datetime.UTC),
        time_zone="Europe/London",
        registration_url="https://example.org/register",
    )
    classify(talk, regions=["lima-province"], topics=["human-rights"])
    webinar = EventPageFactory(
        parent=event_index,
        title="Webinar from Lima",
        start=datetime.datetime(2024, 1, 20, 23, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2024, 1, 21, 0, 30, tzinfo=datetime.UTC),
        time_zone="America/Lima",
        venue="",
        online_url="https://example.org/webinar",
    )
    return {
        "series": series,
        "letter": letter,
        "analysis": analysis,
        "undated": undated,
        "report": report,
        "briefing": briefing,
        "talk": talk,
        "webinar": webinar,
    }
