"""Translations made in code (psg.core.content_translation) are what the
translation editor would have made, and a Spanish page's links to pages
chosen in English lead to their Spanish versions."""

import pytest
from wagtail_localize.models import StringTranslation, Translation

from wagtail.models import Locale, Revision

from psg.core.content_translation import create_translation, untranslated_strings
from psg.core.purging import page_path
from psg.home.spanish import ensure_spanish_tree
from psg.news.models import RelatedItem
from psg.news.purges import news_paths
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.taxonomy.tests.factories import SeriesFactory, region

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "paragraph", "value": "<p>The lake is low.</p><p>Fish are few.</p>"},
    {"type": "heading", "value": {"text": "Waiting for rain", "level": "h2"}},
    {"type": "quote", "value": {"text": "No rain yet.", "attribution": "A farmer"}},
]
STRINGS = {
    "A lake in trouble": "Un lago en apuros",
    "a-lake-in-trouble": "un-lago-en-apuros",
    "Low water on the altiplano.": "Aguas bajas en el altiplano.",
    "The lake is low.": "El lago está bajo.",
    "Fish are few.": "Hay pocos peces.",
    "Waiting for rain": "Esperando la lluvia",
    "No rain yet.": "Todavía no llueve.",
    "A farmer": "Un campesino",
}


@pytest.fixture
def spanish(home_page, news_index, publication_index):
    ensure_spanish_tree()
    return Locale.objects.get(language_code="es")


@pytest.fixture
def article(news_index):
    return NewsPageFactory(
        parent=news_index,
        title="A lake in trouble",
        slug="a-lake-in-trouble",
        teaser="Low water on the altiplano.",
        body=BODY,
    )


def test_every_given_string_is_recorded_as_its_translation(spanish, article, client):
    page = create_translation(article, spanish, STRINGS)

    assert page.url == "/es/noticias/un-lago-en-apuros/" and page.live
    assert untranslated_strings(article, spanish) == []
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=spanish
    )
    assert translation.get_progress() == (len(STRINGS), len(STRINGS))
    assert StringTranslation.objects.filter(locale=spanish).count() >= len(STRINGS)
    html = client.get(page.url).content.decode()
    for text in ("Hay pocos peces.", "Esperando la lluvia", "Todavía no llueve."):
        assert text in html


def test_a_string_left_out_stays_english_and_shows_as_untranslated(
    spanish, article, client
):
    strings = {k: v for k, v in STRINGS.items() if k != "Fish are few."}
    page = create_translation(article, spanish, strings)

    assert untranslated_strings(article, spanish) == ["Fish are few."]
    html = client.get(page.url).content.decode()
    assert "El lago está bajo." in html and "Fish are few." in html


def test_an_existing_translation_is_kept_as_it_is(spanish, article):
    page = create_translation(article, spanish, STRINGS)
    page.title = "Un lago en apuros, según la editora"
    page.save_revision().publish()
    revisions = Revision.objects.count()

    again = create_translation(article, spanish, {"A lake in trouble": "Otro título"})

    assert again.pk == page.pk
    assert again.title == "Un lago en apuros, según la editora"
    assert Revision.objects.count() == revisions


def test_a_snippet_is_translated_with_its_translatable_relations(spanish):
    puno = region("puno")
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    series.region = puno
    series.save()

    translated = create_translation(
        series,
        spanish,
        {
            "Letter from Puno": "Carta desde Puno",
            "letter-from-puno": "carta-desde-puno",
        },
    )

    assert (translated.name, translated.slug) == (
        "Carta desde Puno",
        "carta-desde-puno",
    )
    assert translated.locale == spanish
    assert translated.region == puno.get_translation(spanish)


def test_related_items_lead_to_their_spanish_versions(
    spanish, article, news_index, site
):
    translated_one = NewsPageFactory(parent=news_index, title="Translated")
    english_only = NewsPageFactory(parent=news_index, title="English only")
    article.related_items = [
        RelatedItem(page=translated_one),
        RelatedItem(page=english_only),
    ]
    article.save_revision().publish()
    spanish_one = create_translation(
        translated_one, spanish, {"Translated": "Traducida"}
    )

    page = create_translation(article, spanish, STRINGS)

    assert [related.pk for related in page.related_pages()] == [
        spanish_one.pk,
        english_only.pk,
    ]
    assert [related.pk for related in article.related_pages()] == [
        translated_one.pk,
        english_only.pk,
    ]
    # Publishing the Spanish version purges the Spanish page that shows it.
    assert page_path(page) in news_paths(spanish_one, site)


def test_the_spanish_home_page_features_the_spanish_publication(
    spanish, home_page, publication_index, client
):
    featured = PublicationPageFactory(parent=publication_index, title="Water")
    PublicationPageFactory(parent=publication_index, title="Newer")
    home_page.featured_publication = featured
    home_page.save_revision().publish()
    spanish_home = home_page.get_translation(spanish)
    spanish_home.featured_publication = featured  # as a sync copies it
    spanish_home.save_revision().publish()

    # Not the English page: nothing, while it has no Spanish version.
    assert ">Water<" not in client.get("/es/").content.decode()
    spanish_featured = create_translation(featured, spanish, {"Water": "Agua"})

    shown = client.get("/es/").context["featured_publication"]
    assert shown.pk == spanish_featured.pk
    assert client.get("/").context["featured_publication"].pk == featured.pk
