"""A routable page's sub-addresses in both languages: a topic's, a region's
and a news series' page name the same series or term in the other language
(``hreflang`` both ways, English as ``x-default``), the switch leads there,
and the sitemap says the same; where the other language has no version of
the term or series, the switch leads to the section with its note."""

import pytest

from psg.news.tests.factories import NewsPageFactory
from psg.taxonomy.models import Series
from psg.taxonomy.tests.factories import SeriesFactory
from tests.i18n.test_spanish_site import (  # noqa: F401 (fixtures)
    HOST,
    alternates,
    get,
    sites,
    spanish,
    switch,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters(sites, spanish):  # noqa: F811
    """A series in both languages, with its own slug in each."""
    english = SeriesFactory(name="Letter from Cajamarca", slug="letter-from-cajamarca")
    version = english.copy_for_translation(spanish)
    version.name = "Carta desde Cajamarca"
    version.slug = "carta-desde-cajamarca"
    version.save()
    return english, version


def reciprocal(english, spanish_url):
    return {
        "en-GB": HOST + english,
        "es": HOST + spanish_url,
        "x-default": HOST + english,
    }


@pytest.mark.parametrize(
    ("english", "spanish_url"),
    [
        ("/topics/mining/", "/es/temas/mineria/"),
        ("/regions/cajamarca/", "/es/regiones/cajamarca/"),
        (
            "/news/series/letter-from-cajamarca/",
            "/es/noticias/series/carta-desde-cajamarca/",
        ),
    ],
)
def test_a_sub_address_and_its_translation_name_each_other(
    client, letters, english, spanish_url
):
    expected = reciprocal(english, spanish_url)
    assert alternates(client, english) == expected
    assert alternates(client, spanish_url) == expected
    assert switch(client, english) == (
        '<nav class="language-switch" aria-label="Language"> <ul> '
        f'<li><a href="{spanish_url}" hreflang="es" lang="es">Español</a></li> '
        "</ul> </nav>"
    )
    assert f'<a href="{english}" hreflang="en-GB" lang="en-GB">English</a></li>' in (
        switch(client, spanish_url)
    )


def test_a_series_only_in_english_leads_to_the_spanish_section(client, sites):  # noqa: F811
    SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    url = "/news/series/letter-from-puno/"
    assert alternates(client, url) == {}
    assert (
        '<a href="/es/noticias/" hreflang="es" lang="es">Español</a> '
        '<span class="language-switch__note" lang="es">'
        "Esta página no está disponible en español.</span>"
    ) in switch(client, url)


def test_a_spanish_series_name_is_not_taken_for_an_english_one(client, letters):
    # The Spanish slug under the English index is no series page.
    assert client.get("/news/series/carta-desde-cajamarca/").status_code == 404
    english, _version = letters
    assert Series.objects.filter(translation_key=english.translation_key).count() == 2


def test_the_index_and_its_sub_addresses_keep_their_own_head(client, letters):
    """The head and the switch are kept rendered per page (psg_tags
    ``kept_part``): a sub-address never gets its index's, nor the reverse."""
    index = reciprocal("/news/", "/es/noticias/")
    series = reciprocal(
        "/news/series/letter-from-cajamarca/",
        "/es/noticias/series/carta-desde-cajamarca/",
    )
    topic = reciprocal("/topics/mining/", "/es/temas/mineria/")
    for _time in range(2):
        assert alternates(client, "/news/") == index
        assert alternates(client, "/news/series/letter-from-cajamarca/") == series
        assert alternates(client, "/es/noticias/") == index
        assert alternates(client, "/topics/") == reciprocal("/topics/", "/es/temas/")
        assert alternates(client, "/topics/mining/") == topic
    assert 'href="/es/noticias/series/carta-desde-cajamarca/"' in switch(
        client, "/news/series/letter-from-cajamarca/"
    )
    assert 'href="/es/noticias/" hreflang="es"' in switch(client, "/news/")


def sitemap_entry(sitemap, location):
    return sitemap.split(f"<loc>{HOST}{location}</loc>")[1].split("</url>")[0]


def test_the_sitemap_names_both_versions_of_a_sub_address(client, letters, news_index):
    english, version = letters
    NewsPageFactory(parent=news_index, title="A letter", series=english)
    spanish_index = news_index.get_translation(version.locale)
    NewsPageFactory(parent=spanish_index, title="Una carta", series=version)
    sitemap = get(client, "/sitemap.xml").content.decode()
    for english_url, spanish_url in (
        ("/topics/mining/", "/es/temas/mineria/"),
        (
            "/news/series/letter-from-cajamarca/",
            "/es/noticias/series/carta-desde-cajamarca/",
        ),
    ):
        for location in (english_url, spanish_url):
            entry = sitemap_entry(sitemap, location)
            assert f'hreflang="es" href="{HOST}{spanish_url}"' in entry
            assert f'hreflang="en-GB" href="{HOST}{english_url}"' in entry
            assert f'hreflang="x-default" href="{HOST}{english_url}"' in entry
