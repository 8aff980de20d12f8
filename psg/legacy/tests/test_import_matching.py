"""Importing again: an item is found by title and date; a listing and its
article page make one page, whichever comes first."""

import datetime

from psg.legacy.models import LegacyItem
from psg.news.models import NewsPage

from .conftest import (
    NEWS_LISTING,
    PUNO,
    PUNO_ARTICLE,
    PUNO_ARTICLE_BODY,
    PUNO_LISTING_TEASER,
    SEEDS,
    VARIANTS,
    body,
    snapshot,
)


def test_importing_the_same_files_again_changes_nothing(import_files):
    import_files(SEEDS, VARIANTS)
    before = snapshot()
    output = import_files(SEEDS, VARIANTS)
    assert snapshot() == before
    assert "Pages created: 0" in output
    assert "Pages updated: 0" in output
    # 39 items in the files, 38 pages: the Puno letter is in two of them.
    assert LegacyItem.objects.count() == 38
    assert "(39 unchanged, 0 skipped)" in output


def test_an_item_is_identified_by_title_and_date(import_files, export_file):
    import_files(NEWS_LISTING)
    # The same title, spelt differently, on the same day: the same item.
    same = export_file(
        "again.txt",
        "• letter from Puno - using the law to protect community rights\n\n"
        "    1 April 2019\n\n    Jatucachi is an indigenous community.\n",
    )
    # The same title on another day: another item.
    other = export_file(
        "other.txt",
        "• Letter from Cajamarca\n\n    2 May 2019\n\n    Another letter.\n",
    )
    import_files(same, other)
    assert NewsPage.objects.filter(title__istartswith="letter from puno").count() == 1
    letters = NewsPage.objects.filter(title="Letter from Cajamarca").order_by("date")
    assert [(p.date, p.slug) for p in letters] == [
        (datetime.date(2019, 3, 18), "letter-from-cajamarca"),
        (datetime.date(2019, 5, 2), "letter-from-cajamarca-2"),
    ]
    assert letters[0].series_id == letters[1].series_id


def test_listing_then_article_gives_one_page_with_both(import_files):
    import_files(NEWS_LISTING)
    page = NewsPage.objects.get(title=PUNO)
    # Until the article comes, the cut listing text is kept whole as the body.
    assert page.teaser == PUNO_LISTING_TEASER
    assert len(body(page)) == 1
    revision = page.latest_revision_id

    output = import_files(PUNO_ARTICLE)

    assert "Pages updated: 1" in output
    page = NewsPage.objects.get(title=PUNO)
    assert page.teaser == PUNO_LISTING_TEASER
    assert body(page) == PUNO_ARTICLE_BODY
    assert page.latest_revision_id != revision
    assert page.live and not page.has_unpublished_changes
    record = LegacyItem.objects.get(page=page)
    assert (record.from_listing, record.from_article) == (True, True)
    assert (record.teaser_source, record.body_source) == ("listing", "article")
    assert record.source_files == ["001_1c679d46c2b0d6df.txt", PUNO_ARTICLE.name]


def test_article_then_listing_gives_the_same_page(import_files):
    import_files(PUNO_ARTICLE)
    page = NewsPage.objects.get(title=PUNO)
    # On its own, the article gives the teaser too.
    assert page.teaser == (
        "Jatucachi is an indigenous community in an area straddling the border "
        "between Puno and Moquegua regions."
    )
    assert body(page) == PUNO_ARTICLE_BODY

    import_files(NEWS_LISTING)

    [page] = NewsPage.objects.filter(title=PUNO)
    assert page.teaser == PUNO_LISTING_TEASER
    assert body(page) == PUNO_ARTICLE_BODY
    assert page.series.name == "Letter from Puno"
    assert {r.name for r in page.regions.all()} == {"Puno", "Moquegua"}
    record = LegacyItem.objects.get(page=page)
    assert (record.from_listing, record.from_article) == (True, True)


def test_merging_is_idempotent_in_either_order(import_files):
    import_files(PUNO_ARTICLE, NEWS_LISTING)
    before = snapshot()
    import_files(NEWS_LISTING)
    import_files(PUNO_ARTICLE)
    assert snapshot() == before


def test_listing_month_and_article_day_are_one_item(import_files, export_file):
    listing = export_file(
        "listing.txt",
        "• Strike in Cajamarca ends\n\n    UPDATE 150. May / June 2012\n\n"
        "    The strike ended.\n",
    )
    import_files(listing)
    page = NewsPage.objects.get()
    assert (page.date, page.date_precision) == (datetime.date(2012, 5, 1), "month")

    import_files(VARIANTS / "article-123.txt")

    page = NewsPage.objects.get()
    assert (page.date, page.date_precision) == (datetime.date(2012, 5, 9), "day")
    assert page.teaser == "The strike ended."
    assert len(body(page)) == 2
    assert (page.bulletin_name, page.bulletin_number) == ("Update", 150)
