"""What a title says about an item (kind, series) and how a teaser is cut."""

import pytest

from psg.legacy.parsing.items import NewsItem, news_kind, publication_kind, series_of


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Letter from Puno: Using the law to protect community rights", "letter"),
        ("Letter from Cajamarca (2): the rondas campesinas", "letter"),
        ("Editorial: a year of García", "editorial"),
        ("Analysis: the regional elections", "analysis"),
        ("Correction to Update 132", "correction"),
        ("Exit Villanueva as prime minister", "news"),
        ("An editorial line", "news"),
    ],
)
def test_news_kind(title, kind):
    assert news_kind(title) == kind


@pytest.mark.parametrize(
    ("title", "series"),
    [
        ("Letter from Cajamarca (2): the rondas campesinas", "Letter from Cajamarca"),
        ("Letter from Cajamarca", "Letter from Cajamarca"),
        ("Letter from Cajamarca - the harvest", "Letter from Cajamarca"),
        ("Letter from Puno: Using the law", "Letter from Puno"),
        ("Letter from Madre de Dios (3)", "Letter from Madre de Dios"),
        ("Exit Villanueva as prime minister", None),
    ],
)
def test_series_of_letters(title, series):
    found = series_of(title)
    assert (found[0] if found else None) == series


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Update Extra: Gender Relations and Women in Peru", "update-extra"),
        ("Torture at the Rio Blanco Mine: Academic Case Study", "case-study"),
        (
            "Peru Support Group Submission to the UN Universal Periodic Review",
            "submission",
        ),
        ("Briefing on extractive industries", "briefing"),
        ("EITI Global meeting in Lima", "report"),
    ],
)
def test_publication_kind(title, kind):
    assert publication_kind(title) == kind


def test_listing_teaser_is_cut_at_a_word_and_the_full_text_kept_for_the_body():
    long_text = "word " * 80 + "end."
    item = NewsItem(title="T", listing_text=[long_text.strip()])
    assert len(item.listing_teaser) <= 300
    assert item.listing_teaser.endswith("word…")
    assert item.listing_body == [long_text.strip()]
    short = NewsItem(title="T", listing_text=["Short."])
    assert (short.listing_teaser, short.listing_body) == ("Short.", [])
