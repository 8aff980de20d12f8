"""The Spanish site as a reader finds it: under /es/ with Spanish slugs, a
language switch and hreflang alternates on every page, nothing chosen by the
browser's language, and the English site exactly as it was."""

import datetime
import re

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale, Page

from psg.core.content_translation import create_translation
from psg.core.models import (
    FooterLink,
    MenuItem,
    NavigationSettings,
    OrganisationSettings,
    SidebarPromo,
)
from psg.core.tests.page_cache_fixtures import page_cache  # noqa: F401 (fixture)
from psg.events.tests.factories import EventPageFactory
from psg.home.spanish import ensure_spanish_tree
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.tests.factories import RegionIndexPageFactory, TopicIndexPageFactory
from tests.i18n.test_spanish_pages import PAGE_TYPES as ALL_PAGE_TYPES

pytestmark = pytest.mark.django_db

HOST = "http://localhost"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCH = re.compile(r'<nav class="language-switch".*?</nav>', re.S)


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def sites(home_page, news_index, publication_index, event_index, spanish):
    """One page of each type in English and its Spanish translation."""
    regions = RegionIndexPageFactory(parent=home_page)
    topics = TopicIndexPageFactory(parent=home_page)
    ensure_spanish_tree()
    start = timezone.now() + datetime.timedelta(days=10)
    english = {
        "news item": NewsPageFactory(parent=news_index, title="Protests in Puno"),
        "publication": PublicationPageFactory(
            parent=publication_index, title="A report on mining"
        ),
        "event": EventPageFactory(
            parent=event_index,
            title="Film night",
            start=start,
            end=start + datetime.timedelta(hours=2),
        ),
        "standard page": StandardPageFactory(parent=home_page, title="About us"),
    }
    spanish_titles = {
        "news item": ("Protestas en Puno", "protestas-en-puno"),
        "publication": ("Un informe sobre minería", "informe-mineria"),
        "event": ("Noche de cine", "noche-de-cine"),
        "standard page": ("Quiénes somos", "quienes-somos"),
    }
    pairs = {
        kind: (
            page,
            create_translation(
                page,
                spanish,
                dict(zip((page.title, page.slug), spanish_titles[kind], strict=True)),
            ),
        )
        for kind, page in english.items()
    }
    for kind, page in (
        ("home", home_page),
        ("news index", news_index),
        ("publication index", publication_index),
        ("event index", event_index),
        ("region index", regions),
        ("topic index", topics),
    ):
        pairs[kind] = (page, page.get_translation(spanish))
    return {kind: (en.url, es.url) for kind, (en, es) in pairs.items()}


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


def alternates(client, url):
    return dict(ALTERNATE.findall(get(client, url).content.decode()))


def switch(client, url):
    return " ".join(SWITCH.search(get(client, url).content.decode()).group().split())


def test_spanish_pages_live_under_es_with_spanish_slugs(client, sites):
    assert sites["news index"] == ("/news/", "/es/noticias/")
    assert sites["news item"][1] == "/es/noticias/protestas-en-puno/"
    assert sites["home"] == ("/", "/es/")
    page = get(client, "/es/noticias/protestas-en-puno/").content.decode()
    assert '<html lang="es">' in page
    assert "Protestas en Puno" in page
    # An English slug under /es/ is not a Spanish page.
    assert client.get("/es/news/").status_code == 404


def test_english_addresses_are_unchanged(client, sites):
    page = get(client, "/news/protests-in-puno/").content.decode()
    assert '<html lang="en-gb">' in page
    assert "Protests in Puno" in page
    for url in ("/", "/news/", "/publications/", "/events/", "/search/?q=Puno"):
        assert get(client, url).status_code == 200
    # A legacy address still redirects to the English listing.
    response = client.get("/news.php")
    assert response.status_code == 301
    assert response["Location"].endswith("/news/")


# The page types of test_spanish_pages that are Wagtail pages with a
# translation of their own (a region is a sub-address of its index).
PAGE_TYPES = [kind for kind in ALL_PAGE_TYPES[:11] if kind != "region"]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_each_page_type_and_its_translation_name_each_other(client, sites, page_type):
    english, spanish = sites[page_type]
    expected = {
        "en-GB": HOST + english,
        "es": HOST + spanish,
        "x-default": HOST + english,
    }
    assert alternates(client, english) == expected
    assert alternates(client, spanish) == expected


@pytest.mark.parametrize(
    ("english_url", "spanish_url"),
    [
        ("/search/?q=Puno", "/es/search/?q=Puno"),
        ("/bulletin/", "/es/bulletin/"),
        ("/join/", "/es/join/"),
    ],
)
def test_the_sites_own_views_exist_in_both_languages(
    client, sites, english_url, spanish_url
):
    english, spanish = english_url, spanish_url
    expected = {
        "en-GB": HOST + english.split("?")[0],
        "es": HOST + spanish.split("?")[0],
        "x-default": HOST + english.split("?")[0],
    }
    assert alternates(client, english) == expected
    assert alternates(client, spanish) == expected
    assert f'href="{spanish}" hreflang="es"' in switch(client, english)


def test_the_switch_leads_to_the_same_page_in_the_other_language(client, sites):
    english, spanish = sites["news item"]
    assert switch(client, english) == (
        '<nav class="language-switch" aria-label="Language"> <ul> '
        f'<li><a href="{spanish}" hreflang="es" lang="es">Español</a></li> </ul> </nav>'
    )
    assert f'<a href="{english}" hreflang="en-GB" lang="en-GB">English</a>' in (
        switch(client, spanish)
    )
    assert "no está disponible" not in switch(client, english)


def test_without_a_translation_the_switch_leads_to_the_section(
    client, sites, news_index, spanish
):
    only_english = NewsPageFactory(parent=news_index, title="Only in English")
    spanish_index = news_index.get_translation(spanish)
    only_spanish = NewsPageFactory(parent=spanish_index, title="Carta de Cajamarca")

    assert (
        '<a href="/es/noticias/" hreflang="es" lang="es">Español</a> '
        '<span class="language-switch__note" lang="es">'
        "Esta página no está disponible en español.</span>"
    ) in switch(client, only_english.url)
    assert (
        '<a href="/news/" hreflang="en-GB" lang="en-GB">English</a> '
        '<span class="language-switch__note" lang="en-GB">'
        "This page is not available in English.</span>"
    ) in switch(client, only_spanish.url)
    # A page in one language has no alternates to name.
    assert alternates(client, only_english.url) == {}
    assert alternates(client, only_spanish.url) == {}


def test_open_graph_and_json_ld_name_the_language(client, sites):
    english, spanish = sites["news item"]
    page = get(client, spanish).content.decode()
    assert '<meta property="og:locale" content="es_ES">' in page
    assert '<meta property="og:locale:alternate" content="en_GB">' in page
    assert '"inLanguage": "es"' in page
    page = get(client, english).content.decode()
    assert '<meta property="og:locale" content="en_GB">' in page
    assert '<meta property="og:locale:alternate" content="es_ES">' in page


def test_the_browsers_language_and_cookies_choose_nothing(client, sites, settings):
    response = get(client, "/", HTTP_ACCEPT_LANGUAGE="es")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    again = get(client, "/news/", HTTP_ACCEPT_LANGUAGE="es-PE,es;q=0.9")
    for answer in (response, again):
        assert '<html lang="en-gb">' in answer.content.decode()
        assert "Accept-Language" not in answer.get("Vary", "")
        assert answer["Content-Language"] == "en-gb"


@pytest.mark.parametrize("url", ["/es/", "/es/noticias/", "/es/search/?q=Puno"])
def test_spanish_pages_are_public_and_set_no_cookie(client, sites, url):
    response = get(client, url)
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Content-Language"] == "es"


def test_the_page_cache_keeps_each_language_apart(client, sites, page_cache):  # noqa: F811
    english = get(client, "/news/")
    spanish = get(client, "/es/noticias/")
    assert english["X-Cache"] == spanish["X-Cache"] == "MISS"
    english, spanish = get(client, "/news/"), get(client, "/es/noticias/")
    assert english["X-Cache"] == spanish["X-Cache"] == "HIT"
    assert '<html lang="en-gb">' in english.content.decode()
    assert '<html lang="es">' in spanish.content.decode()


def test_the_sitemap_lists_both_languages_with_alternates(client, sites):
    sitemap = get(client, "/sitemap.xml").content.decode()
    english, spanish = sites["news item"]
    assert f"<loc>{HOST}{spanish}</loc>" in sitemap
    for location in (english, spanish):
        entry = sitemap.split(f"<loc>{HOST}{location}</loc>")[1].split("</url>")[0]
        assert f'hreflang="es" href="{HOST}{spanish}"' in entry
        assert f'hreflang="en-GB" href="{HOST}{english}"' in entry
        assert f'hreflang="x-default" href="{HOST}{english}"' in entry


def test_menu_footer_promos_and_tagline_per_language(client, sites, site):
    navigation = NavigationSettings.for_site(site)
    navigation.menu_items = [
        MenuItem(label="News", link_url="/news/"),
        MenuItem(label="Noticias", link_url="/es/noticias/", language="es"),
    ]
    navigation.footer_links = [FooterLink(label="Contact", link_url="/contact/")]
    navigation.promos = [
        SidebarPromo(title="Why join?", text="Members get the Update."),
        SidebarPromo(title="¿Por qué unirse?", text="El Update.", language="es"),
    ]
    navigation.save()
    OrganisationSettings.objects.create(
        site=site,
        tagline="Human rights in Peru",
        tagline_es="Derechos humanos en el Perú",
    )

    english = get(client, "/").content.decode()
    spanish = get(client, "/es/").content.decode()

    assert '<a href="/news/">News</a>' in english
    assert "Noticias</a>" not in english and "¿Por qué unirse?" not in english
    assert '<a href="/es/noticias/" aria-current="page">Noticias</a>' not in spanish
    assert '<a href="/es/noticias/">Noticias</a>' in spanish
    assert ">News</a>" not in spanish
    assert "¿Por qué unirse?" in spanish and "Why join?" not in spanish
    assert "Derechos humanos en el Perú" in spanish
    assert "Human rights in Peru" in english
    # No Spanish footer link yet: the English one stands in.
    assert "Contact" in spanish


def test_the_spanish_tree_is_made_once(home_page, news_index, spanish):
    call_command("create_spanish_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("create_spanish_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    spanish_pages = Page.objects.filter(locale=spanish).order_by("path")
    assert [(page.title, page.url) for page in spanish_pages] == [
        ("Inicio", "/es/"),
        ("Noticias", "/es/noticias/"),
    ]
    assert all(page.live for page in spanish_pages)
