import datetime

import pytest

from django.core.files.base import ContentFile

from psg.home.models import HomePage
from psg.news.models import NewsIndexPage
from psg.publications.models import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
)
from psg.publications.tests.factories import DocumentFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items"]]


def test_publication_page_shows_files_in_both_languages(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        title="Update Extra: Gender Relations and Women in Peru",
        date=datetime.date(2009, 4, 1),
        date_precision="month",
        kind=PublicationPage.Kind.UPDATE_EXTRA,
        summary="A snapshot of gender relations and women's situation in Peru.",
        publisher="Peru Support Group",
    )
    english = DocumentFactory(
        title="Gender Relations and Women in Peru",
        file=ContentFile(b"%PDF-1.4 english", name="gender-en.pdf"),
    )
    spanish = DocumentFactory(
        title="Relaciones de género y mujeres en el Perú",
        file=ContentFile(b"%PDF-1.4 spanish", name="gender-es.pdf"),
    )
    page.files = [
        PublicationFile(document=english, language="en"),
        PublicationFile(document=spanish, language="es"),
    ]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "<h1>Update Extra: Gender Relations and Women in Peru</h1>" in html
    assert '<time datetime="2009-04">April 2009</time>' in html
    assert "Update Extra</p>" in html
    assert "Published by Peru Support Group" in html
    assert 'hreflang="en"' in html and "(English, PDF" in html
    assert 'hreflang="es"' in html and "(Spanish, PDF" in html
    assert "Relaciones de género y mujeres en el Perú" in html


def test_publications_newest_first_undated_last(client, publication_index):
    PublicationPageFactory(
        parent=publication_index, title="Old", date=datetime.date(2008, 6, 1)
    )
    PublicationPageFactory(parent=publication_index, title="Undated", date=None)
    PublicationPageFactory(
        parent=publication_index, title="New", date=datetime.date(2017, 11, 1)
    )
    assert titles(client.get("/publications/")) == ["New", "Old", "Undated"]


def test_publications_filter_by_kind(client, publication_index):
    PublicationPageFactory(parent=publication_index, title="A report", kind="report")
    PublicationPageFactory(
        parent=publication_index, title="A case study", kind="case-study"
    )
    response = client.get("/publications/?kind=case-study")
    assert titles(response) == ["A case study"]
    assert '<option value="case-study" selected>' in response.content.decode()
    # An unknown kind shows everything rather than failing.
    assert len(titles(client.get("/publications/?kind=<script>"))) == 2


def test_publication_pagination_keeps_the_filter(client, publication_index):
    for number in range(14):
        PublicationPageFactory(
            parent=publication_index, kind="briefing", title=f"B{number}"
        )
    html = client.get("/publications/?kind=briefing").content.decode()
    assert 'href="?kind=briefing&amp;page=2"' in html


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (PublicationIndexPage, HomePage, True),
        (PublicationPage, PublicationIndexPage, True),
        (PublicationPage, NewsIndexPage, False),
        (PublicationPage, HomePage, False),
    ],
)
def test_publication_pages_live_only_under_their_parents(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed
