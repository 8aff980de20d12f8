"""The five real exports, imported once: kinds, series, regions and topics."""

import pytest

from psg.publications.models import PublicationPage
from psg.taxonomy.models import Series

from .conftest import news

pytestmark = pytest.mark.django_db


def region_names(page):
    return {region.name for region in page.regions.all()}


def topic_slugs(page):
    return {topic.slug for topic in page.topics.all()}


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Letter from Puno: Using the law to protect community rights", "letter"),
        ("Letter from Cajamarca (2): the rondas campesinas", "letter"),
        ("Letter from Cajamarca", "letter"),
        ("Exit Villanueva as prime minister", "news"),
        ("Meanwhile in Madre de Dios", "news"),
        ("New effort at dialogue in the mining corridor", "news"),
    ],
)
def test_news_kinds(seeded, title, kind):
    assert news(title).kind == kind


def test_the_two_cajamarca_letters_share_one_series(seeded):
    first = news("Letter from Cajamarca")
    second = news("Letter from Cajamarca (2): the rondas campesinas")
    assert first.series_id == second.series_id is not None
    series = first.series
    assert (series.name, series.slug, series.region.name) == (
        "Letter from Cajamarca",
        "letter-from-cajamarca",
        "Cajamarca",
    )
    puno = news("Letter from Puno: Using the law to protect community rights").series
    assert (puno.name, puno.region.name) == ("Letter from Puno", "Puno")
    assert Series.objects.in_language().count() == 2
    assert news("Exit Villanueva as prime minister").series is None


@pytest.mark.parametrize(
    ("title", "regions"),
    [
        (
            "Letter from Puno: Using the law to protect community rights",
            {"Puno", "Moquegua"},
        ),
        ("An alternative development blueprint for Madre de Dios", {"Madre de Dios"}),
        ("Meanwhile in Madre de Dios", {"Madre de Dios"}),
        ("Espinar: continuing problems with mine developments", {"Cusco"}),
        (
            "New effort at dialogue in the mining corridor",
            {"Apurímac", "Cusco", "Arequipa", "Moquegua"},
        ),
        # "Cuzco" and "Apurimac" are aliases; Lima is Lima Province.
        (
            "Regional pressure to improve public policy on water management",
            {
                "Cajamarca",
                "Ica",
                "Huancavelica",
                "Ayacucho",
                "Apurímac",
                "Cusco",
                "Lima Province",
            },
        ),
        ("The issue of human trafficking: seminar in Lima", {"Lima Province"}),
        # "Jirón Lima" is a street in Cajamarca, not the capital.
        ("Letter from Cajamarca", {"Cajamarca"}),
        ("Letter from Cajamarca (2): the rondas campesinas", {"Cajamarca"}),
        ("Exit Villanueva as prime minister", set()),
        ("Tuesta commission publishes recommendations for political reform", set()),
    ],
)
def test_regions_named_in_the_text(seeded, title, regions):
    assert region_names(news(title)) == regions


def test_regions_of_publications(seeded):
    assert region_names(
        PublicationPage.objects.get(title__startswith="Torture at the Rio Blanco")
    ) == {"Piura"}
    assert region_names(PublicationPage.objects.get(title__startswith="EITI")) == {
        "Lima Province"
    }


@pytest.mark.parametrize(
    ("title", "topics"),
    [
        (
            "Forcibly sterilised women continue fight for justice",
            {"forced-sterilisations", "gender"},
        ),
        (
            "Tuesta commission publishes recommendations for political reform",
            {"political-reform"},
        ),
        (
            "Regional pressure to improve public policy on water management",
            {"water", "climate-change", "mining", "environment"},
        ),
        (
            "Letter from Puno: Using the law to protect community rights",
            {"indigenous-rights", "mining"},
        ),
        (
            "Confiep deploys lobby power to modify tax evasion legislation",
            {"corruption", "mining"},
        ),
        ("Exit Villanueva as prime minister", set()),
    ],
)
def test_topics_named_in_the_text(seeded, title, topics):
    assert topic_slugs(news(title)) == topics


def test_publication_topics(seeded):
    page = PublicationPage.objects.get(title__startswith="Update Extra: Truth")
    assert topic_slugs(page) == {"justice-and-memory"}
    page = PublicationPage.objects.get(title__startswith="Update Extra: The Great")
    assert topic_slugs(page) == {"water"}
