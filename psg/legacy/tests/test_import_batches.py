"""Importing in batches: pages written in bulk are whole Wagtail pages, a
batch's bad file is the only one lost, and search finds what was imported."""

import pytest

from wagtail.models import Page, PageLogEntry, ReferenceIndex

from psg.legacy.importing.files import LegacyImporter
from psg.legacy.models import LegacyItem
from psg.news.models import NewsIndexPage, NewsPage

from .conftest import NEWS_LISTING, PUNO, SEEDS, VARIANTS, run_import, snapshot


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(LegacyImporter, "batch_size", 3)


def test_bulk_written_pages_are_whole_published_pages(import_files):
    import_files(SEEDS, VARIANTS)
    assert Page.find_problems() == ([], [], [], [], [])
    index = NewsIndexPage.objects.get()
    pages = NewsPage.objects.all()
    assert (
        index.numchild
        == pages.count()
        == LegacyItem.objects.filter(kind="news").count()
    )
    for page in pages:
        assert page.live and not page.has_unpublished_changes
        assert page.url_path == f"{index.url_path}{page.slug}/"
        assert page.live_revision_id == page.latest_revision_id
        revision = page.live_revision
        assert revision.content["title"] == page.title
        assert revision.content["pk"] == page.pk
        assert sorted(revision.content["regions"]) == sorted(
            page.regions.values_list("pk", flat=True)
        )
        assert {entry.action for entry in PageLogEntry.objects.filter(page=page)} >= {
            "wagtail.create",
            "wagtail.publish",
        }


def test_a_page_written_in_bulk_can_be_edited_and_published_again(import_files):
    import_files(NEWS_LISTING)
    page = NewsPage.objects.get(title=PUNO)
    page.teaser = "Changed by an editor."
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.teaser == "Changed by an editor."
    assert page.revisions.count() == 2


def test_imported_pages_are_indexed_by_the_background_task(import_files, client):
    import_files(NEWS_LISTING)
    # The test settings run tasks at once; in production the worker does.
    found = NewsPage.objects.search("Jatucachi")
    assert [page.title for page in found] == [PUNO]
    page = NewsPage.objects.get(title=PUNO)
    assert ReferenceIndex.get_references_for_object(page).exists()
    response = client.get("/search/", {"q": "Jatucachi"})
    assert PUNO in response.content.decode()


def test_small_batches_import_the_same_as_one(small_batches, import_files):
    output = import_files(SEEDS, VARIANTS)
    assert "Pages created: 38" in output
    assert "Pages updated: 1" in output
    assert Page.find_problems() == ([], [], [], [], [])
    before = snapshot()
    again = run_import(SEEDS, VARIANTS)
    assert "Pages created: 0" in again
    assert "Pages updated: 0" in again
    assert snapshot() == before
