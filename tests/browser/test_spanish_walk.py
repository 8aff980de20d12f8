"""What a Spanish reader sees walking through /es/ on the demo site, in
Chromium, with axe: the pages, the chrome and the dates in Spanish, and a
language switch leading to the same page in English."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SPANISH_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    "noviembre|diciembre"
)
SPANISH_WEEKDAYS = "lunes|martes|miércoles|jueves|viernes|sábado|domingo"
# "5 de diciembre de 2026", as the Spanish date format writes it.
SPANISH_DATE = re.compile(rf"\b\d{{1,2}} de ({SPANISH_MONTHS}) de \d{{4}}\b")
ARTICLE = "Carta desde Puno: un lago en apuros"


def main_menu(page):
    return page.get_by_role("navigation", name="Principal")


def language_switch(page, name="Idioma"):
    """The switch, named in the page's language ("Language" in English)."""
    return page.get_by_role("navigation", name=name)


def expect_spanish(page):
    """The page is in Spanish, with the Spanish sidebar and tagline."""
    expect(page.locator("html")).to_have_attribute("lang", "es")
    why_join = (
        page.get_by_role("complementary")
        .locator(".promo")
        .filter(has=page.get_by_role("heading", name="¿Por qué unirse al PSG?"))
    )
    expect(why_join.get_by_role("link", name="Hágase miembro")).to_have_attribute(
        "href", "/es/join/"
    )
    expect(page.locator("body")).to_contain_text(
        "Derechos humanos, inclusión social y democracia en el Perú"
    )


def open_from_menu(page, label, path, heading):
    main_menu(page).get_by_role("link", name=label, exact=True).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(path)}$"))
    expect(page.locator("h1")).to_have_text(heading)
    expect(main_menu(page).get_by_role("link", name=label)).to_have_attribute(
        "aria-current", "page"
    )


def test_spanish_reader_walks_from_home_to_news_resources_events_regions_search(
    page, step
):
    # Home: the Spanish introduction, the latest news in Spanish.
    page.goto("/es/")
    expect_spanish(page)
    expect(page.locator("main")).to_contain_text(
        "Siga nuestras noticias y las cartas desde las regiones"
    )
    latest = page.get_by_role("region", name="Últimas noticias")
    expect(latest.locator(".listing-item").first).to_be_visible()
    expect(latest).to_contain_text("en Coata, el agua llega en cisterna")
    expect(page.get_by_role("region", name="Publicación destacada")).to_contain_text(
        "Agua y minería en los Andes del sur"
    )
    step(page, "inicio")

    # The news, from the menu: the translated items and the Spanish letter.
    open_from_menu(page, "Noticias", "/es/noticias/", "Noticias")
    items = page.locator(".listing .listing-item")
    expect(items).to_have_count(5)
    expect(items.first.locator(".listing-item__title")).to_have_text(
        "Editorial: proteger a quienes defienden la tierra"
    )
    expect(items.first.locator("time")).to_have_text(SPANISH_DATE)
    expect_spanish(page)
    step(page, "noticias")

    # A translated letter: Spanish throughout, in its Spanish series.
    page.get_by_role("link", name=ARTICLE).click()
    expect(page).to_have_url(
        re.compile(r"/es/noticias/carta-desde-puno-un-lago-en-apuros/$")
    )
    expect(page.locator("h1")).to_have_text(ARTICLE)
    expect(page.locator(".article__meta time")).to_have_text(SPANISH_DATE)
    expect(page.locator(".article__meta")).to_contain_text("por Jorge Quispe Mamani")
    body = page.locator(".article__body")
    expect(
        body.get_by_role("heading", name="Menos peces, menos pastos")
    ).to_be_visible()
    expect(body).to_contain_text("Mi abuelo pescó aquí toda su vida.")
    expect(body.locator("img")).to_have_attribute("alt", re.compile("^Ilustración: "))
    expect(page.locator(".article__series")).to_contain_text("Serie: Carta desde Puno")
    expect(page.get_by_role("navigation", name="Ruta de navegación")).to_contain_text(
        "Noticias"
    )
    expect_spanish(page)
    step(page, "articulo")

    # The switch leads to the same article in English, and back.
    english = language_switch(page).get_by_role("link", name="English")
    expect(english).to_have_attribute("hreflang", "en-GB")
    english.click()
    expect(page).to_have_url(re.compile(r"/news/letter-from-puno-a-lake-in-trouble/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en-gb")
    expect(page.locator("h1")).to_have_text("Letter from Puno: a lake in trouble")
    step(page, "article-in-english")
    language_switch(page, "Language").get_by_role("link", name="Español").click()
    expect(page.locator("h1")).to_have_text(ARTICLE)

    # Publications: the translated pages, each with its PDFs.
    open_from_menu(page, "Publicaciones", "/es/publicaciones/", "Publicaciones")
    expect(page.locator(".listing .listing-item")).to_have_count(4)
    step(page, "publicaciones")
    page.get_by_role("link", name=re.compile("^Oro, mercurio y bosque")).click()
    expect(page.locator("h1")).to_have_text(
        "Oro, mercurio y bosque: la pequeña minería en Madre de Dios"
    )
    expect(page.locator("main")).to_contain_text("están condenadas al fracaso")
    downloads = page.get_by_role("region", name="Descargar")
    expect(downloads.locator('a[hreflang="es"]')).to_have_count(1)
    expect_spanish(page)
    step(page, "publicacion")

    # Events: the two to come, in Spanish; then the panel in London.
    open_from_menu(page, "Eventos", "/es/eventos/", "Eventos")
    upcoming = page.get_by_role("region", name="Próximos eventos")
    expect(upcoming.locator(".listing-item")).to_have_count(2)
    step(page, "eventos")
    upcoming.get_by_role("link", name=re.compile("^Consulta previa")).click()
    expect(page.locator("h1")).to_have_text(
        "Consulta previa: un conversatorio con dirigentes comunales"
    )
    when = page.locator(".event__details dd").first
    expect(when.locator("time").first).to_have_text(
        re.compile(rf"^({SPANISH_WEEKDAYS}) {SPANISH_DATE.pattern}, \d{{2}}:\d{{2}}$")
    )
    expect(when.locator(".event-zone")).to_have_text("(hora del Reino Unido)")
    expect(page.locator(".event__details")).to_contain_text("Londres")
    expect_spanish(page)
    step(page, "evento")

    # Regions: the map, then a region with its Spanish description.
    open_from_menu(page, "Regiones", "/es/regiones/", "Regiones")
    step(page, "regiones")
    page.locator("main").get_by_role("link", name="Cajamarca", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/es/regiones/cajamarca/$"))
    expect(page.locator("h1")).to_have_text("Cajamarca")
    expect(page.locator("main")).to_contain_text("la mina de oro Yanacocha")
    expect_spanish(page)
    step(page, "region")

    # Search, from the header, in Spanish: a Spanish article comes first.
    search = page.get_by_role("search").get_by_label("Buscar en el sitio")
    search.fill("mercurio")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q=mercurio$"))
    expect(page.locator("h1")).to_have_text("Buscar")
    results = page.locator(".search-result")
    expect(results.first).to_be_visible()
    titles = results.locator(".listing-item__title").all_inner_texts()
    assert "Diario de Madre de Dios: lo que arrastra el río" in titles, titles
    expect_spanish(page)
    step(page, "busqueda")
