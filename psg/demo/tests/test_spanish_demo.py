"""The demo content in Spanish: what /es/ shows after `load_demo_content`
(loaded once for these tests, see conftest.py)."""

import re

from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.strings import StringValue

from wagtail.models import Locale, Page

from psg.core.content_translation import untranslated_strings
from psg.core.models import NavigationSettings, OrganisationSettings, SidebarPromo
from psg.demo import site as english_site
from psg.demo.spanish import letter
from psg.demo.spanish import site as spanish_site
from psg.demo.spanish_loader import PAGE_TRANSLATIONS
from psg.events.models import EventPage
from psg.news.models import Author, NewsPage
from psg.publications.models import PublicationPage
from psg.taxonomy.models import Region, Series, Topic

from .loading import edit, load

SPANISH = "es"
LETTER_URL = f"/es/noticias/{letter.LETTER.slug}/"


def spanish():
    return Locale.objects.get(language_code=SPANISH)


def english_page(key):
    """The English demo page a Spanish spec translates, by its key."""
    if key == "home":
        return Page.objects.get(depth=2, locale__language_code="en-gb").specific
    sections = {
        key: slug for key, _label, _title, slug, _intro in english_site.SECTIONS
    }
    return Page.objects.get(
        slug=sections.get(key, key), locale__language_code="en-gb"
    ).specific


def translated_objects():
    """(English original, the strings given for it) for every translation
    the demo makes: home page, sections, pages, series and authors."""
    keys = ["home", *(key for key, *_rest in english_site.SECTIONS)]
    found = [(english_page(key), spanish_site.TREE_STRINGS) for key in keys]
    found += [(english_page(spec.key), spec.strings) for spec in PAGE_TRANSLATIONS]
    found += [
        (Series.objects.get(slug=spec.key), spec.strings)
        for spec in spanish_site.SERIES
    ]
    found += [
        (Author.objects.get(name=spec.key, locale__language_code="en-gb"), spec.strings)
        for spec in spanish_site.AUTHORS
    ]
    return found


def source_texts(instance):
    """The English texts of ``instance``'s string segments, as the
    translation editor lists them."""
    source = TranslationSource.objects.get_for_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return {StringValue(segment.string.data).render_text() for segment in segments}


def test_every_string_of_a_translated_page_or_snippet_is_in_spanish(demo):
    """Nothing is left for the translation editor to show untranslated: an
    English demo text changed without its Spanish fails here."""
    locale = spanish()
    for english, _strings in translated_objects():
        assert english.get_translation_or_none(locale) is not None, english
        assert untranslated_strings(english, locale) == [], english


def test_every_spanish_string_translates_an_english_one(demo):
    """No Spanish is left over for an English text that is no longer there
    (the other half of a changed English text)."""
    used = set()
    for english, strings in translated_objects():
        texts = source_texts(english)
        used |= texts
        assert set(strings) - set(spanish_site.TREE_STRINGS) <= texts, english
    assert set(spanish_site.TREE_STRINGS) <= used
    assert set(spanish_site.ALT_TEXTS) <= used


def test_spanish_pages_answer_in_spanish(demo, client):
    locale = spanish()
    for spec in PAGE_TRANSLATIONS:
        english = english_page(spec.key)
        page = english.get_translation(locale)
        assert page.live and not page.has_unpublished_changes
        assert page.slug == spec.strings[english.slug]
        assert page.url.startswith("/es/"), page.url
        html = client.get(page.url).content.decode()
        assert '<html lang="es"' in html
        assert f"<h1>{spec.strings[english.title]}</h1>" in html, page.url
    home = client.get("/es/").content.decode()
    assert "Siga nuestras noticias y las cartas desde las regiones" in home


def test_a_translated_article_is_spanish_throughout(demo, client):
    english = NewsPage.objects.get(slug="letter-from-puno-a-lake-in-trouble")
    page = english.get_translation(spanish())
    assert page.url == "/es/noticias/carta-desde-puno-un-lago-en-apuros/"
    assert page.date == english.date and page.kind == "letter"
    blocks = {block.block_type: block.value for block in page.body}
    headings = [b.value["text"] for b in page.body if b.block_type == "heading"]
    assert headings == ["Menos peces, menos pastos", "Esperando la planta"]
    assert blocks["quote"]["text"].startswith("Mi abuelo pescó aquí")
    assert blocks["image"]["caption"] == "La orilla del lago Titicaca cerca de Puno."
    assert blocks["image"]["image"].contextual_alt_text.startswith("Ilustración:")
    assert [item.locale.language_code for item in page.regions.all()] == [SPANISH]
    assert {topic.name for topic in page.topics.all()} >= {"Agua", "Cambio climático"}
    assert page.series.name == "Carta desde Puno"
    assert [author.role for author in page.authors.all()] == ["Corresponsal en Puno"]
    html = client.get(page.url).content.decode()
    assert "Las aguas servidas de la ciudad desembocan en ella" in html
    english_url = "http://localhost/news/letter-from-puno-a-lake-in-trouble/"
    assert f'<link rel="alternate" hreflang="en-GB" href="{english_url}">' in html


def test_the_letter_exists_only_in_spanish(demo, client):
    page = NewsPage.objects.get(slug=letter.LETTER.slug)
    assert page.locale.language_code == SPANISH and page.kind == "letter"
    assert page.url == LETTER_URL
    assert not page.get_translations().exists()
    assert page.series.name == "Carta desde Puno"
    assert page.series.locale_id == page.locale_id
    for term in [*page.regions.all(), *page.topics.all(), *page.authors.all()]:
        assert term.locale_id == page.locale_id, term
    assert [item.page.url for item in page.related_items.all()] == [
        "/es/noticias/carta-desde-puno-un-lago-en-apuros/"
    ]
    html = client.get(LETTER_URL).content.decode()
    assert "doña Felícitas" in html
    # The switch leads to the English news, saying there is no English here.
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S)[0]
    assert 'href="/news/"' in switch
    assert "This page is not available in English." in switch
    series = client.get("/es/noticias/series/carta-desde-puno/").content.decode()
    assert "Carta desde Puno: en Coata, el agua llega en cisterna" in series


def test_spanish_regions_and_topics_have_spanish_descriptions(demo, client):
    locale = spanish()
    for (label, slug), description in spanish_site.DESCRIPTIONS.items():
        model = Region if label == "taxonomy.Region" else Topic
        english = model.objects.get(slug=slug, locale__language_code="en-gb")
        assert english.get_translation(locale).description == description
    cajamarca = client.get("/es/regiones/cajamarca/").content.decode()
    assert "la mina de oro Yanacocha" in cajamarca
    mining = client.get("/es/temas/mineria/").content.decode()
    assert "La principal exportación del Perú" in mining

    # A Spanish term deleted comes back, named from the vocabulary.
    Topic.objects.get(slug="esterilizaciones-forzadas", locale=locale).delete()
    assert load()[0] == 1
    topic = Topic.objects.get(slug="esterilizaciones-forzadas", locale=locale)
    assert topic.name == "Esterilizaciones forzadas"
    assert topic.description.startswith("Unas 270 000 mujeres")


def test_spanish_menu_footer_promos_and_tagline(demo, client, site):
    navigation = NavigationSettings.for_site(site)
    menu = navigation.menu_items.filter(language=SPANISH).order_by("sort_order")
    assert [(item.label, item.href) for item in menu] == [
        ("Noticias", "/es/noticias/"),
        ("Publicaciones", "/es/publicaciones/"),
        ("Eventos", "/es/eventos/"),
        ("Regiones", "/es/regiones/"),
        ("Temas", "/es/temas/"),
        ("Quiénes somos", "/es/quienes-somos/"),
        ("Afíliese", "/es/join/"),
    ]
    footer = navigation.footer_links.filter(language=SPANISH).order_by("sort_order")
    assert [item.href for item in footer] == [
        "/es/privacidad/",
        "/es/contacto/",
        "/es/quienes-somos/",
    ]
    promos = navigation.promos.filter(language=SPANISH).order_by("sort_order")
    assert [promo.href for promo in promos] == [
        "/es/objetivos/",
        "/es/resena-historica/",
        "/es/derechos-humanos/",
        "/es/join/",
    ]
    for href in [*(i.href for i in [*menu, *footer]), *(p.href for p in promos)]:
        assert client.get(href).status_code == 200, href
    home = client.get("/es/").content.decode()
    assert "¿Por qué unirse al PSG?" in home and "Why join the PSG?" not in home
    assert spanish_site.TAGLINE in home
    assert "Why join the PSG?" in client.get("/").content.decode()


def test_the_spanish_home_page_features_the_spanish_publication(demo, client):
    featured = client.get("/es/").context["featured_publication"]
    assert featured.locale.language_code == SPANISH
    assert featured.slug == "agua-y-mineria-en-los-andes-del-sur"


def test_spanish_texts_fit_their_fields(demo):
    """What the admin form would refuse: a teaser or summary over 300."""
    for model, field in (
        (NewsPage, "teaser"),
        (PublicationPage, "summary"),
        (EventPage, "summary"),
    ):
        for page in model.objects.filter(locale__language_code=SPANISH):
            assert len(getattr(page, field)) <= 300, page.slug


def test_editors_spanish_changes_survive_and_deleted_translations_return(demo, site):
    locale = spanish()
    english = NewsPage.objects.get(
        slug="ayacucho-the-search-for-the-disappeared-goes-on"
    )
    page = edit(
        english.get_translation(locale),
        title="Ayacucho: la búsqueda sigue, según la editora",
    )
    promo = edit(
        SidebarPromo.objects.get(title="Objetivos del PSG"),
        text="Nuestros objetivos, en palabras de la editora.",
    )
    edit(OrganisationSettings.for_site(site), tagline_es="El lema de la editora")
    puno = edit(
        Region.objects.get(slug="puno", locale=locale),
        description="La descripción de la editora.",
    )
    NewsPage.objects.get(slug=letter.LETTER.slug).delete()
    english_event = english_page("prior-consultation-a-panel-with-community-leaders")
    english_event.get_translation(locale).delete()

    assert load()[0] == 2  # the letter and the event's translation

    assert NewsPage.objects.get(pk=page.pk).title.endswith("según la editora")
    assert SidebarPromo.objects.get(pk=promo.pk).text.startswith("Nuestros objetivos")
    assert OrganisationSettings.for_site(site).tagline_es == "El lema de la editora"
    assert Region.objects.get(pk=puno.pk).description.startswith("La descripción")
    assert NewsPage.objects.filter(slug=letter.LETTER.slug, locale=locale).exists()
    assert english_event.get_translation(locale).title.startswith("Consulta previa")
    navigation = NavigationSettings.for_site(site)
    menu = navigation.menu_items.filter(language=SPANISH)
    assert menu.count() == len(spanish_site.MENU)
    assert navigation.footer_links.filter(language=SPANISH).count() == 3
