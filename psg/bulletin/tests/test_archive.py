"""The public archive: /bulletin/, an edition's page and its PDF."""

import datetime
import io
import sys

import pytest
from pypdf import PdfReader

from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from psg.bulletin import pdf
from psg.bulletin.archive import bulletin_item
from psg.bulletin.models import BulletinSeries, Edition
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.events.models import EventPage, EventStatus
from psg.events.tests.factories import EventIndexPageFactory, EventPageFactory
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import (
    PublicationIndexPageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def update():
    return BulletinSeries.objects.get(slug="update")


@pytest.fixture
def sent_edition(update, home_page, news_index):
    edition = EditionFactory(
        series=update,
        number=120,
        date=datetime.date(2024, 3, 1),
        status=Edition.Status.SENT,
        introduction="<p>A month of protests in the south.</p>",
    )
    publications = PublicationIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    pages = [
        NewsPageFactory(
            parent=news_index,
            title="Mining conflict in Espinar",
            date=datetime.date(2024, 2, 20),
            teaser="Communities block the road to the mine.",
        ),
        PublicationPageFactory(
            parent=publications,
            title="Report on water rights",
            summary="What the new law means.",
        ),
        EventPageFactory(parent=events, title="Film night in London"),
    ]
    for position, page in enumerate(pages):
        EditionItemFactory(edition=edition, page=page, sort_order=position)
    return edition


def legacy_items(news_index, count=2, name="Update", number=119):
    return [
        NewsPageFactory(
            parent=news_index,
            title=f"Legacy item {n} of {name} {number}",
            date=datetime.date(2007, 1, 20 + n),
            teaser=f"From the old site {n}.",
            bulletin_name=name,
            bulletin_number=number,
        )
        for n in range(count)
    ]


def test_edition_page_lists_its_items(client, sent_edition):
    response = client.get("/bulletin/update/120/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Update 120 — 1 March 2024 |" in html
    assert "<h1>Update 120 — 1 March 2024</h1>" in html
    assert "A month of protests in the south." in html
    assert '<a href="/news/' in html
    assert "Mining conflict in Espinar" in html
    assert '<time datetime="2024-02-20">20 February 2024</time>' in html
    assert "Communities block the road to the mine." in html
    assert "Report on water rights" in html
    assert "What the new law means." in html
    assert "Film night in London" in html
    assert (
        '<link rel="canonical" href="http://testserver/bulletin/update/120/">' in html
    )
    assert '<meta name="description" content="Update 120 — 1 March 2024:' in html
    assert 'href="/bulletin/update/120.pdf"' in html


def test_an_event_cancelled_since_says_so_in_the_edition(client, sent_edition):
    event = EventPage.objects.get(title="Film night in London")
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()
    html = client.get("/bulletin/update/120/").content.decode()
    assert '<span class="tag">Event (Cancelled)</span>' in html
    assert bulletin_item(event).kind == "Event (Cancelled)"


def test_edition_page_is_publicly_cacheable(client, sent_edition):
    response = client.get("/bulletin/update/120/")

    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "public" in response["Cache-Control"]


def test_a_draft_is_not_public(client, update, news_index):
    EditionFactory(series=update, number=121, status=Edition.Status.DRAFT)
    # Imported items with the same number do not stand in for the draft.
    legacy_items(news_index, number=121)

    assert client.get("/bulletin/update/121/").status_code == 404
    assert client.get("/bulletin/update/121.pdf").status_code == 404
    assert "Update 121" not in client.get("/bulletin/").content.decode()


def test_unknown_series_or_number_is_not_found(client, sent_edition):
    assert client.get("/bulletin/nothing/120/").status_code == 404
    assert client.get("/bulletin/update/999/").status_code == 404


def test_legacy_edition_is_made_from_imported_items(client, update, news_index):
    legacy_items(news_index, count=2, name="UPDATE", number=119)
    NewsPageFactory(parent=news_index, title="Another number", bulletin_number=118)

    response = client.get("/bulletin/update/119/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Update 119 — 21 January 2007</h1>" in html
    assert "Legacy item 0" in html
    assert "Legacy item 1" in html
    assert '<time datetime="2007-01-20">20 January 2007</time>' in html
    assert "Another number" not in html


def test_archive_lists_editions_by_series_and_year(client, sent_edition, news_index):
    legacy_items(news_index, number=119)
    legacy_items(news_index, count=1, name="Peru News", number=52)

    response = client.get("/bulletin/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Bulletin archive</h1>" in html
    archive = {
        series.name: {year: [e.number for e in editions] for year, editions in years}
        for series, years in response.context["archive"]
    }
    assert archive == {"Peru News": {2007: [52]}, "Update": {2024: [120], 2007: [119]}}
    assert 'href="/bulletin/update/120/"' in html
    assert 'href="/bulletin/update/119/"' in html
    assert 'href="/bulletin/peru-news/52/"' in html
    assert '<link rel="canonical" href="http://testserver/bulletin/">' in html
    assert not response.cookies


def test_archive_queries_do_not_grow_with_editions(client, update, news_index):
    EditionFactory(series=update, number=200, status=Edition.Status.SENT)
    legacy_items(news_index, number=1)
    client.get("/bulletin/")
    with CaptureQueriesContext(connection) as few:
        client.get("/bulletin/")
    for number in range(201, 206):
        EditionFactory(series=update, number=number, status=Edition.Status.SENT)
        legacy_items(news_index, number=number - 190)
    with CaptureQueriesContext(connection) as many:
        client.get("/bulletin/")

    assert len(many) == len(few)


def test_edition_queries_do_not_grow_with_items(client, sent_edition, news_index):
    client.get("/bulletin/update/120/")
    with CaptureQueriesContext(connection) as few:
        client.get("/bulletin/update/120/")
    for page in NewsPageFactory.create_batch(5, parent=news_index):
        EditionItemFactory(edition=sent_edition, page=page)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/bulletin/update/120/")

    assert len(response.context["items"]) == 8
    assert len(many) == len(few)


def pdf_text(response):
    content = b"".join(response.streaming_content)
    reader = PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_pdf_holds_every_item(client, sent_edition):
    response = client.get("/bulletin/update/120.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response).split())
    assert "Update 120 — 1 March 2024" in text
    for item in sent_edition.items.select_related("page"):
        assert item.page.title in text


def test_pdf_is_made_once_and_remade_after_a_change(client, sent_edition, monkeypatch):
    renders = []
    real_render = pdf.render_pdf
    monkeypatch.setattr(
        pdf, "render_pdf", lambda *args: renders.append(1) or real_render(*args)
    )

    client.get("/bulletin/update/120.pdf")
    client.get("/bulletin/update/120.pdf")
    assert len(renders) == 1

    # A sent edition is locked; one of its pages is corrected.
    page = sent_edition.items.first().page.specific
    page.title = "Corrected title"
    page.save_revision().publish()
    client.get("/bulletin/update/120.pdf")
    assert len(renders) == 2
    _, files = default_storage.listdir("bulletin")
    prefix = f"edition-{sent_edition.pk}-"
    assert len([name for name in files if name.startswith(prefix)]) == 1


def test_legacy_edition_pdf(client, update, news_index):
    legacy_items(news_index, count=2, number=119)

    response = client.get("/bulletin/update/119.pdf")

    text = pdf_text(response)
    assert "Legacy item 0" in text
    assert "Legacy item 1" in text


def test_without_weasyprint_the_pdf_answers_503_and_the_link_is_hidden(
    client, sent_edition, monkeypatch
):
    # An entry of None makes "from weasyprint import HTML" raise ImportError,
    # as a missing Pango would raise OSError.
    monkeypatch.setitem(sys.modules, "weasyprint", None)

    response = client.get("/bulletin/update/120.pdf")

    assert response.status_code == 503
    assert "cannot be made at the moment" in response.content.decode()
    page = client.get("/bulletin/update/120/").content.decode()
    assert ".pdf" not in page
