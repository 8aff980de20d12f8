"""News listings and the publications listing parsed: one item per bullet."""

import datetime

from psg.legacy.parsing.common import Problem
from psg.legacy.parsing.dates import DAY, MONTH, YEAR
from psg.legacy.parsing.exports import parse_export
from psg.legacy.parsing.items import Shape

from .conftest import NEWS_LISTING, PUBLICATIONS, SIDEBAR, VARIANTS, parse_file


def test_news_listing_seed_has_ten_items_and_no_sidebar():
    parsed = parse_file(NEWS_LISTING)
    assert parsed.shape == Shape.NEWS_LISTING
    assert len(parsed.news) == 10
    assert parsed.problems == []
    titles = {item.title for item in parsed.news}
    assert not titles & {"PSG Aims", "Historical Overview", "Human Rights"}


def test_publications_seed_has_eight_items():
    parsed = parse_file(PUBLICATIONS)
    assert parsed.shape == Shape.PUBLICATIONS
    assert len(parsed.publications) == 8
    assert parsed.problems == []


def test_lines_of_one_paragraph_are_joined_and_a_date_line_splits():
    text = (
        "• Floods in Piura\n"
        "    10 January 2005\n"
        "    Heavy rain caused floods\n"
        "    across Piura.\n" + SIDEBAR
    )
    [item] = parse_export(text).news
    assert item.date == datetime.date(2005, 1, 10)
    assert item.listing_text == ["Heavy rain caused floods across Piura."]


def test_listing_bulletins_variant():
    parsed = parse_file(VARIANTS / "listing_bulletins.txt")
    got = [
        (
            item.title,
            item.date,
            item.date_precision,
            item.bulletin_name,
            item.bulletin_number,
        )
        for item in parsed.news
    ]
    assert got == [
        (
            "Congress approves new mining law",
            datetime.date(2007, 1, 31),
            DAY,
            "Update",
            119,
        ),
        ("Editorial: a year of García", datetime.date(2007, 2, 14), DAY, "Update", 120),
        (
            "Analysis: the regional elections",
            datetime.date(2009, 4, 1),
            MONTH,
            "Update",
            133,
        ),
        ("Correction to Update 132", datetime.date(2009, 3, 1), MONTH, "", None),
        (
            "Protests in Cuzco against water transfer",
            datetime.date(2010, 2, 28),
            DAY,
            "Peru News",
            52,
        ),
        ("Water dispute in Moquegua", datetime.date(2008, 3, 12), DAY, "", None),
        ("Archive note on the Truth Commission", None, DAY, "", None),
        ("Strike in Arequipa", None, DAY, "Update", 121),
    ]
    assert [(p.where, p.reason) for p in parsed.problems] == [
        ("line 39", 'placeholder date "31 December 1969": imported without a date'),
        (
            "line 45",
            'date "Update 121. 31 Febuary 2007" not understood: '
            "imported without a date",
        ),
    ]


def test_listing_with_bulleted_date_lines_above_titles():
    parsed = parse_file(VARIANTS / "listing_date_first.txt")
    assert [(i.title, i.date, i.bulletin_name) for i in parsed.news] == [
        ("Miners' march reaches Lima", datetime.date(2005, 6, 3), "Newsletter"),
        ("Ombudsman reports on prior consultation", datetime.date(2005, 6, 17), ""),
    ]
    assert parsed.news[1].listing_text == [
        "The Defensoría del Pueblo published its report on consulta previa in the "
        "Amazon."
    ]
    assert parsed.problems == []


def test_listing_with_date_lines_above_bulleted_titles():
    parsed = parse_file(VARIANTS / "listing_date_above_bullet.txt")
    assert [
        (i.title, i.date, i.bulletin_number, i.listing_text) for i in parsed.news
    ] == [
        (
            "Floods in Piura",
            datetime.date(2005, 1, 10),
            95,
            ["Heavy rain caused floods across Piura and Tumbes."],
        ),
        (
            "Drought in Puno",
            datetime.date(2005, 1, 24),
            96,
            ["The drought in the altiplano has left farmers in Puno without pasture."],
        ),
    ]
    assert parsed.problems == []


def test_listing_item_without_a_date_line_is_kept_undated_and_reported():
    text = "• Floods in Piura\n\n    Heavy rain caused floods.\n" + SIDEBAR
    parsed = parse_export(text)
    [item] = parsed.news
    assert item.date is None
    assert parsed.problems == [
        Problem('line 1 ("Floods in Piura")', "no date line: imported without a date")
    ]


def test_news_item_called_human_rights_is_not_taken_for_the_sidebar():
    text = "• Human Rights\n\n    3 May 2010\n\n    A report.\n" + SIDEBAR
    [item] = parse_export(text).news
    assert (item.title, item.listing_text) == ("Human Rights", ["A report."])


def test_older_publications_listing():
    parsed = parse_file(VARIANTS / "publications_older.txt")
    got = [(p.title, p.date, p.date_precision, p.kind) for p in parsed.publications]
    assert got == [
        ("Mining and communities in Ancash", datetime.date(2005, 1, 1), YEAR, "report"),
        (
            "Update Extra: Coca and development",
            datetime.date(2006, 6, 1),
            MONTH,
            "update-extra",
        ),
        (
            "Briefing on extractive industries",
            datetime.date(2007, 1, 1),
            YEAR,
            "briefing",
        ),
    ]
    # The date line under a title is not part of the summary.
    assert parsed.publications[1].paragraphs == [
        "What the coca growers of the Huallaga ask of the state."
    ]


def test_truncated_listing_loses_only_its_cut_item():
    text = NEWS_LISTING.read_text()
    cut = text[: text.index("rather forbidding town")]
    parsed = parse_export(cut)
    assert len(parsed.news) == 3
    [problem] = parsed.problems
    assert (
        problem.where == 'line 19 ("Letter from Cajamarca (2): the rondas campesinas")'
    )
    assert "looks truncated" in problem.reason
