"""Regions and topics found in text."""

import pytest

from psg.legacy.detect import TermMatcher
from psg.taxonomy.models import Region, Topic


@pytest.fixture
def regions(db):
    # As the importer matches regions.
    return TermMatcher(Region.objects.in_language().with_name_es(), nested=False)


def names(terms):
    return {term.name for term in terms}


def test_aliases_accents_and_case_are_folded(regions):
    assert names(regions.find("Protests in CUZCO and Apurimac")) == {
        "Cusco",
        "Apurímac",
    }
    assert names(regions.find("in Junín")) == {"Junín"}


def test_only_whole_words_match(regions):
    # "Ica" is in "America" and "Puno" in "Punos"; neither is a match.
    assert names(regions.find("South America", "the Punos")) == set()
    assert names(regions.find("Ica-based farmers")) == {"Ica"}


def test_names_across_two_texts_do_not_join(regions):
    assert names(regions.find("the Madre", "de Dios reserve")) == set()
    assert names(regions.find("Title", "Madre de Dios")) == {"Madre de Dios"}


def test_streets_named_after_regions_are_not_places(regions):
    assert names(regions.find("a shop in Jirón Lima, in Cajamarca")) == {"Cajamarca"}
    assert names(regions.find("on Avenida Arequipa")) == set()
    assert names(regions.find("Av. Arequipa and Arequipa itself")) == {"Arequipa"}


def test_topics_by_alias(db):
    topics = TermMatcher(Topic.objects.in_language().with_name_es())
    found = {t.slug for t in topics.find("forcibly sterilised women")}
    assert found == {"forced-sterilisations", "gender"}


def test_a_region_named_inside_a_longer_region_name_is_part_of_it(regions):
    # "Lima" is Lima Province's alias, and part of Lima Region's names.
    assert names(regions.find("Floods in the Lima region")) == {"Lima Region"}
    assert names(regions.find("el Gobierno de la Región Lima")) == {"Lima Region"}
    assert names(regions.find("a march in Lima")) == {"Lima Province"}
    assert names(regions.find("from the Lima region to Lima")) == {
        "Lima Region",
        "Lima Province",
    }
    # Each text of an item counts: the title names the province.
    assert names(regions.find("Lima", "the Lima region")) == {
        "Lima Region",
        "Lima Province",
    }
    # Cerro de Pasco is Pasco's alias: one region, whichever name is used.
    assert names(regions.find("miners in Cerro de Pasco")) == {"Pasco"}


def test_regions_come_in_the_order_given(regions):
    found = regions.find("Puno, Cusco and Apurímac")
    assert [term.name for term in found] == sorted(
        (term.name for term in found),
        key=[region.name for region in Region.objects.in_language().all()].index,
    )


def test_nested_names_all_count_for_topics(db):
    water = Topic(name="Water", slug="water")
    pollution = Topic(name="Pollution", slug="pollution", aliases="water pollution")
    text = "Water pollution in the Rímac"
    assert TermMatcher([water, pollution]).find(text) == [water, pollution]
    # Matched as regions are, the longer name would take the words.
    assert TermMatcher([water, pollution], nested=False).find(text) == [pollution]
