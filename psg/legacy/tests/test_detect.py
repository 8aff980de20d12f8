"""Regions and topics found in text."""

import pytest

from psg.legacy.detect import TermMatcher
from psg.taxonomy.models import Region, Topic


@pytest.fixture
def regions(db):
    return TermMatcher(Region.objects.all())


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
    topics = TermMatcher(Topic.objects.all())
    found = {t.slug for t in topics.find("forcibly sterilised women")}
    assert found == {"forced-sterilisations", "gender"}
