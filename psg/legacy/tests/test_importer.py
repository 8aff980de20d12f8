"""Importing into the database: identity, merging, editors' changes, bad input."""

import datetime

import pytest

from django.core.management.base import CommandError

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText

from psg.legacy.importer import LegacyImporter, paragraph_html
from psg.legacy.models import LegacyItem
from psg.news.models import NewsPage
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.publications.models import PublicationPage
from psg.taxonomy.models import Series
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import (
    ARTICLE_CORRIDOR,
    ARTICLE_WATER,
    NEWS_LISTING,
    SEEDS,
    VARIANTS,
)

PUNO = "Letter from Puno: Using the law to protect community rights"
PUNO_ARTICLE = VARIANTS / "puno_letter_article.txt"
PUNO_LISTING_TEASER = (
    "Jatucachi is an indigenous community in an area straddling the border "
    "between Puno and Moquegua regions. It has become the centre of legal "
    "attention as the indigenous leaders, with the help of a local NGO, "
    "struggle to enforce their rights to prior consultation (consulta previa) "
    "against a number of…"
)
PUNO_ARTICLE_BODY = [
    "<p>Jatucachi is an indigenous community in an area straddling the border "
    "between Puno and Moquegua regions.</p>",
    "<p>The community's leaders went to court to enforce their right to prior "
    "consultation before any mining concession is granted on their land.</p>",
    "<p>The case will be heard in Juliaca later this year.</p>",
]
WATER = "Regional pressure to improve public policy on water management"


def body(page):
    return [block.value.source for block in page.body]


def snapshot():
    """Everything a re-import must leave exactly as it was."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "pk", "latest_revision_id", "last_published_at", "slug"
            )
        ),
        "revisions": Revision.objects.count(),
        "records": sorted(
            LegacyItem.objects.values_list("key", "updated_at", "page_id")
        ),
        "redirects": sorted(
            Redirect.objects.values_list("old_path", "redirect_page_id")
        ),
        "series": Series.objects.count(),
        "regions": sorted(NewsPage.regions.through.objects.values_list("pk")),
    }


# --- Identity ---------------------------------------------------------------


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


# --- Merging a listing teaser with its article ------------------------------


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


# --- Older shapes -------------------------------------------------------------


def test_bulletin_listing_keeps_bulletins_and_never_invents_dates(import_files):
    output = import_files(VARIANTS / "listing_bulletins.txt")
    got = {
        page.title: (
            page.date,
            page.date_precision,
            page.bulletin_name,
            page.bulletin_number,
            page.kind,
        )
        for page in NewsPage.objects.all()
    }
    assert got == {
        "Congress approves new mining law": (
            datetime.date(2007, 1, 31),
            "day",
            "Update",
            119,
            "news",
        ),
        "Editorial: a year of García": (
            datetime.date(2007, 2, 14),
            "day",
            "Update",
            120,
            "editorial",
        ),
        "Analysis: the regional elections": (
            datetime.date(2009, 4, 1),
            "month",
            "Update",
            133,
            "analysis",
        ),
        "Correction to Update 132": (
            datetime.date(2009, 3, 1),
            "month",
            "",
            None,
            "correction",
        ),
        "Protests in Cuzco against water transfer": (
            datetime.date(2010, 2, 28),
            "day",
            "Peru News",
            52,
            "news",
        ),
        "Water dispute in Moquegua": (
            datetime.date(2008, 3, 12),
            "day",
            "",
            None,
            "news",
        ),
        "Archive note on the Truth Commission": (None, "day", "", None, "news"),
        "Strike in Arequipa": (None, "day", "Update", 121, "news"),
    }
    cusco = NewsPage.objects.get(title__startswith="Protests in Cuzco")
    assert {r.name for r in cusco.regions.all()} == {"Cusco", "Apurímac"}
    assert "Problems: 2" in output
    assert (
        'listing_bulletins.txt, line 39: placeholder date "31 December 1969": '
        "imported without a date"
    ) in output
    assert (
        'listing_bulletins.txt, line 45: date "Update 121. 31 Febuary 2007" not '
        "understood: imported without a date"
    ) in output


def test_date_first_listings(import_files):
    import_files(
        VARIANTS / "listing_date_first.txt", VARIANTS / "listing_date_above_bullet.txt"
    )
    got = sorted(
        NewsPage.objects.values_list("title", "date", "bulletin_name", "teaser")
    )
    assert got == [
        (
            "Drought in Puno",
            datetime.date(2005, 1, 24),
            "Update",
            "The drought in the altiplano has left farmers in Puno without pasture.",
        ),
        (
            "Floods in Piura",
            datetime.date(2005, 1, 10),
            "Update",
            "Heavy rain caused floods across Piura and Tumbes.",
        ),
        (
            "Miners' march reaches Lima",
            datetime.date(2005, 6, 3),
            "Newsletter",
            "Several thousand miners from Junín and Pasco arrived in Lima to demand "
            "better conditions.",
        ),
        (
            "Ombudsman reports on prior consultation",
            datetime.date(2005, 6, 17),
            "",
            "The Defensoría del Pueblo published its report on consulta previa in "
            "the Amazon.",
        ),
    ]


def test_older_publications_get_year_precision(import_files):
    import_files(VARIANTS / "publications_older.txt")
    got = sorted(
        PublicationPage.objects.values_list("title", "date", "date_precision", "kind")
    )
    assert got == [
        (
            "Briefing on extractive industries",
            datetime.date(2007, 1, 1),
            "year",
            "briefing",
        ),
        (
            "Mining and communities in Ancash",
            datetime.date(2005, 1, 1),
            "year",
            "report",
        ),
        (
            "Update Extra: Coca and development",
            datetime.date(2006, 6, 1),
            "month",
            "update-extra",
        ),
    ]


# --- Legacy addresses --------------------------------------------------------


def test_legacy_article_addresses_become_wagtail_redirects(import_files):
    output = import_files(VARIANTS / "article-123.txt", VARIANTS / "exported_page.txt")
    strike = NewsPage.objects.get(title="Strike in Cajamarca ends")
    floods = NewsPage.objects.get(title="Floods in Loreto")
    redirects = Redirect.objects.order_by("old_path")
    assert [
        (r.old_path, r.redirect_page_id, r.is_permanent, r.site_id) for r in redirects
    ] == [
        ("/article-123.html", strike.pk, True, None),
        ("/news-article-45.html", floods.pk, True, None),
    ]
    # The header line is not content.
    assert "perusupportgroup" not in " ".join(body(floods))
    assert LegacyItem.objects.get(page=floods).legacy_paths == ["/news-article-45.html"]
    assert "Legacy addresses redirected: 2 new" in output


def test_a_redirect_an_editor_changed_is_left_alone(import_files, home_page):
    import_files(VARIANTS / "article-123.txt")
    redirect = Redirect.objects.get()
    redirect.redirect_page = None
    redirect.redirect_link = "https://example.org/strike"
    redirect.save()
    output = import_files(VARIANTS / "article-123.txt")
    redirect.refresh_from_db()
    assert redirect.redirect_link == "https://example.org/strike"
    assert Redirect.objects.count() == 1
    assert "Problems: 0" in output


def test_an_address_already_redirecting_elsewhere_is_reported(import_files, home_page):
    Redirect.objects.create(old_path="/article-123.html", redirect_page=home_page)
    output = import_files(VARIANTS / "article-123.txt")
    assert Redirect.objects.get().redirect_page_id == home_page.pk
    assert (
        'article-123.txt, "Strike in Cajamarca ends": /article-123.html already '
        "redirects elsewhere: left as it is"
    ) in output


# --- Editors' changes ---------------------------------------------------------


def test_an_edited_teaser_is_kept(import_files):
    import_files(PUNO_ARTICLE)
    page = NewsPage.objects.get(title=PUNO)
    page.teaser = "The editors' own teaser."
    page.save_revision().publish()

    output = import_files(NEWS_LISTING)

    page = NewsPage.objects.get(title=PUNO)
    assert page.teaser == "The editors' own teaser."
    assert body(page) == PUNO_ARTICLE_BODY
    assert f'"{PUNO}": teaser edited in the admin: kept' in output


def test_an_edited_body_is_kept_and_an_untouched_one_follows_the_export(
    import_files, export_file
):
    text = ARTICLE_WATER.read_text()
    import_files(ARTICLE_WATER, ARTICLE_CORRIDOR)
    water = NewsPage.objects.get(title=WATER)
    water.body = [("paragraph", RichText("<p>Rewritten by an editor.</p>"))]
    water.save_revision().publish()

    corrected = text.replace("not just talk.", "not just talk, say the organisers.")
    output = import_files(export_file("water.txt", corrected))
    water = NewsPage.objects.get(title=WATER)
    assert body(water) == ["<p>Rewritten by an editor.</p>"]
    assert f'"{WATER}": body edited in the admin: kept' in output

    corridor = NewsPage.objects.get(title__startswith="New effort at dialogue")
    revisions = corridor.revisions.count()
    changed = ARTICLE_CORRIDOR.read_text().replace("As of this week", "This week")
    output = import_files(export_file("corridor.txt", changed))
    corridor = NewsPage.objects.get(pk=corridor.pk)
    assert body(corridor)[-1].startswith("<p>This week, communities in Moquegua")
    assert corridor.revisions.count() == revisions + 1
    assert "Pages updated: 1" in output


def test_regions_and_topics_are_added_never_removed(import_files):
    import_files(ARTICLE_CORRIDOR)
    page = NewsPage.objects.get(title__startswith="New effort at dialogue")
    # An editor adds Puno and a topic, and removes Moquegua.
    page.regions.add(region("puno"))
    page.regions.remove(region("moquegua"))
    page.topics.add(topic("water"))
    page.save_revision().publish()
    revision = page.latest_revision_id

    import_files(ARTICLE_CORRIDOR)

    page = NewsPage.objects.get(pk=page.pk)
    assert {r.name for r in page.regions.all()} == {
        "Apurímac",
        "Arequipa",
        "Cusco",
        "Puno",
    }
    assert "water" in {t.slug for t in page.topics.all()}
    assert page.latest_revision_id == revision


def test_a_page_with_an_unpublished_draft_is_left_to_its_editor(import_files):
    import_files(NEWS_LISTING)
    page = NewsPage.objects.get(title=PUNO)
    page.title = "Draft title"
    page.save_revision()

    output = import_files(PUNO_ARTICLE)

    page = NewsPage.objects.get(title=PUNO)
    assert page.has_unpublished_changes
    assert len(body(page)) == 1
    assert page.get_latest_revision_as_object().title == "Draft title"
    assert "unpublished changes or was unpublished in the admin: not updated" in (
        output
    )
    # Once the editor publishes, the next import brings the article in.
    page.get_latest_revision().publish()
    output = import_files(PUNO_ARTICLE)
    page = NewsPage.objects.get(pk=page.pk)
    assert (page.title, body(page)) == ("Draft title", PUNO_ARTICLE_BODY)
    assert "Pages updated: 1" in output


def test_an_edited_publication_summary_is_kept(import_files, export_file):
    import_files(VARIANTS / "publications_older.txt")
    page = PublicationPage.objects.get(title="Mining and communities in Ancash")
    page.summary = "The editors' summary."
    page.save_revision().publish()
    changed = (VARIANTS / "publications_older.txt").read_text()
    changed = changed.replace("communities around it.", "communities near it.")
    output = import_files(export_file("publications.txt", changed))
    page = PublicationPage.objects.get(pk=page.pk)
    assert page.summary == "The editors' summary."
    assert page.description == (
        "<p>A study of the relationship between the Antamina mine and the "
        "communities near it.</p>"
    )
    assert "summary edited in the admin: kept" in output
    assert "Pages updated: 1" in output


def test_a_deleted_page_is_not_recreated(import_files):
    import_files(ARTICLE_WATER)
    NewsPage.objects.get(title=WATER).delete()
    output = import_files(ARTICLE_WATER)
    assert not NewsPage.objects.exists()
    assert "(0 unchanged, 1 skipped)" in output
    assert "its page was deleted in the admin: not recreated" in output


def test_existing_section_series_and_slugs_are_reused(import_files, home_page):
    index = NewsIndexPageFactory(parent=home_page, title="News", slug="noticias")
    NewsPageFactory(parent=index, title="Editors' letter", slug="letter-from-cajamarca")
    series = SeriesFactory(name="Letter from Cajamarca", slug="cajamarca-letters")

    import_files(NEWS_LISTING)

    letter = NewsPage.objects.get(title="Letter from Cajamarca")
    assert letter.get_parent().pk == index.pk
    assert letter.slug == "letter-from-cajamarca-2"
    assert letter.series_id == series.pk
    assert Series.objects.filter(name="Letter from Cajamarca").count() == 1


# --- Bad input and transactions ------------------------------------------------


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
    original = LegacyImporter.import_news_item
    calls = []

    def fail_on_the_third_listing_item(self, item, file_name):
        if file_name == NEWS_LISTING.name:
            calls.append(item.title)
            if len(calls) == 3:
                raise RuntimeError("disk full")
        return original(self, item, file_name)

    monkeypatch.setattr(
        LegacyImporter, "import_news_item", fail_on_the_third_listing_item
    )
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
