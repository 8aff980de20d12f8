"""Bad input and transactions: a bad file is reported and loses only itself."""

import pytest

from django.core.management.base import CommandError

from psg.legacy.importing.items import paragraph_html
from psg.legacy.importing.news import NewsImporter
from psg.legacy.models import LegacyItem
from psg.news.models import NewsPage
from psg.taxonomy.models import Series

from .conftest import (
    ARTICLE_CORRIDOR,
    ARTICLE_WATER,
    NEWS_LISTING,
    SEEDS,
    VARIANTS,
    WATER,
    snapshot,
)


def test_bad_files_are_reported_by_name_and_the_rest_imported(
    import_files, export_file
):
    export_file("empty.txt", b"")
    export_file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    export_file("latin1.txt", "Cooperacción\n\n1 May 2010\n\nText.\n".encode("latin-1"))
    export_file("truncated.txt", ARTICLE_WATER.read_bytes()[:150])
    good = export_file("good.txt", ARTICLE_CORRIDOR.read_bytes())

    output = import_files(good.parent)

    assert (
        NewsPage.objects.get().title == "New effort at dialogue in the mining corridor"
    )
    assert "Files read: 1, skipped: 4" in output
    assert "empty.txt: the file is empty" in output
    assert "image.txt: binary file (it contains NUL bytes)" in output
    assert "latin1.txt: not UTF-8 (byte 0xf3 at offset 10)" in output
    assert (
        "truncated.txt: truncated: the text stops mid-sentence and the site's "
        "sidebar is missing"
    ) in output


def test_the_command_fails_only_when_nothing_could_be_imported(
    import_files, export_file
):
    export_file("empty.txt", b"")
    bad = export_file("binary.txt", b"\x00\x01\x02")
    with pytest.raises(CommandError, match="Nothing could be imported"):
        import_files(bad.parent)
    with pytest.raises(CommandError):
        import_files(bad.parent / "missing.txt")
    assert not NewsPage.objects.exists()


def test_a_failure_mid_file_leaves_nothing_of_that_file(import_files, monkeypatch):
    original = NewsImporter.import_item
    calls = []

    def fail_on_the_third_listing_item(self, item, file_name):
        if file_name == NEWS_LISTING.name:
            calls.append(item.title)
            if len(calls) == 3:
                raise RuntimeError("disk full")
        return original(self, item, file_name)

    monkeypatch.setattr(NewsImporter, "import_item", fail_on_the_third_listing_item)
    output = import_files(ARTICLE_WATER, NEWS_LISTING, ARTICLE_CORRIDOR)

    assert len(calls) == 3
    assert sorted(NewsPage.objects.values_list("title", flat=True)) == [
        "New effort at dialogue in the mining corridor",
        WATER,
    ]
    assert sorted(
        name for record in LegacyItem.objects.all() for name in record.source_files
    ) == [ARTICLE_WATER.name, ARTICLE_CORRIDOR.name]
    assert not Series.objects.exists()
    assert (
        "001_1c679d46c2b0d6df.txt: import failed (RuntimeError: disk full); "
        "nothing from this file was saved"
    ) in output
    assert "Files read: 2, skipped: 1" in output


def test_dry_run_writes_nothing(import_files):
    before = snapshot()
    output = import_files(SEEDS, VARIANTS, dry_run=True)
    assert snapshot() == before
    assert not LegacyItem.objects.exists()
    assert not NewsPage.objects.exists()
    assert "Pages created: 38" in output
    assert "Pages updated: 1" in output
    assert "Dry run: nothing was saved." in output


def test_paragraph_html_escapes_and_sanitises():
    assert paragraph_html('<script>alert("x")</script> & more') == (
        '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; more</p>'
    )
