"""Editors' changes survive an import: the importer overwrites only its own."""

from wagtail.rich_text import RichText

from psg.news.models import NewsPage
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.publications.models import PublicationPage
from psg.taxonomy.models import Series
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

from .conftest import (
    ARTICLE_CORRIDOR,
    ARTICLE_WATER,
    NEWS_LISTING,
    PUNO,
    PUNO_ARTICLE,
    PUNO_ARTICLE_BODY,
    VARIANTS,
    WATER,
    body,
)


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
    assert (
        Series.objects.in_language().filter(name="Letter from Cajamarca").count() == 1
    )


def test_a_new_series_gets_a_slug_no_other_series_has(import_files):
    SeriesFactory(name="Cajamarca letters", slug="letter-from-cajamarca")

    import_files(NEWS_LISTING)

    series = Series.objects.in_language().get(name="Letter from Cajamarca")
    assert series.slug == "letter-from-cajamarca-2"
    assert NewsPage.objects.get(title="Letter from Cajamarca").series_id == series.pk
