"""Two older shapes: an Update's bare number before the date, and article
pages with no date line at all."""

import datetime

import pytest

from psg.legacy.parsing.common import UnreadableExport
from psg.legacy.parsing.dates import DAY, MONTH, parse_date_line
from psg.legacy.parsing.exports import parse_export
from psg.legacy.parsing.items import Shape

from .conftest import SIDEBAR


@pytest.mark.parametrize(
    ("text", "date", "precision", "number"),
    [
        ("119 12 March 2004", datetime.date(2004, 3, 12), DAY, 119),
        ("119. 12 March 2004", datetime.date(2004, 3, 12), DAY, 119),
        ("119.12 March 2004", datetime.date(2004, 3, 12), DAY, 119),
        ("7 March 2004", datetime.date(2004, 3, 7), DAY, None),
        ("45 March 2004", datetime.date(2004, 3, 1), MONTH, 45),
        ("119 12-14 March 2008", datetime.date(2008, 3, 12), DAY, 119),
    ],
)
def test_a_bare_number_before_a_date_is_the_update_number(
    text, date, precision, number
):
    line = parse_date_line(text)
    assert (line.date, line.precision, line.bulletin_number) == (
        date,
        precision,
        number,
    )
    assert line.bulletin_name == ("Update" if number else "")


def test_a_bare_number_before_a_placeholder_keeps_the_number_not_the_date():
    line = parse_date_line("119 31 December 1969")
    assert (line.date, line.placeholder, line.bulletin_number) == (None, True, 119)


@pytest.mark.parametrize("text", ["2004 12 March 2004", "119 2004", "119 Marchy 2004"])
def test_a_number_is_not_read_as_an_update_without_a_whole_date_after_it(text):
    line = parse_date_line(text)
    assert line.date is None
    assert line.bulletin_number is None


def test_titles_starting_with_a_number_stay_titles():
    assert parse_date_line("100 days of the new government") is None


def test_a_listing_with_bare_update_numbers():
    text = (
        "  • Miners march on Lima\n\n    119 12 March 2004\n\n    They marched.\n\n"
        "  • Strike in Puno\n\n    120. 2 April 2004\n\n    They struck.\n" + SIDEBAR
    )
    parsed = parse_export(text)
    assert parsed.problems == []
    assert [
        (item.title, item.date, item.bulletin_name, item.bulletin_number)
        for item in parsed.news
    ] == [
        ("Miners march on Lima", datetime.date(2004, 3, 12), "Update", 119),
        ("Strike in Puno", datetime.date(2004, 4, 2), "Update", 120),
    ]


def test_an_article_without_a_date_line_is_read_undated():
    text = (
        "Meanwhile in Madre de Dios --\n\n"
        "Indigenous organisations met in Puerto Maldonado.\n\n"
        "They reviewed the Amarakaeri reserve.\n\nAll news\n" + SIDEBAR
    )
    parsed = parse_export(text, "undated.txt")
    assert parsed.shape == Shape.ARTICLE
    [item] = parsed.news
    assert item.title == "Meanwhile in Madre de Dios"
    assert (item.date, item.bulletin_name) == (None, "")
    assert item.body == [
        "Indigenous organisations met in Puerto Maldonado.",
        "They reviewed the Amarakaeri reserve.",
    ]
    assert [(p.where, p.reason) for p in parsed.problems] == [
        (
            'line 1 ("Meanwhile in Madre de Dios")',
            "no date line: imported without a date",
        )
    ]


def test_an_undated_article_known_by_its_address_needs_no_sidebar():
    text = "Floods in Piura\n\nThe rains came early this year.\n"
    [item] = parse_export(text, "article-77.txt").news
    assert (item.title, item.date, item.legacy_paths) == (
        "Floods in Piura",
        None,
        ["/article-77.html"],
    )


@pytest.mark.parametrize(
    ("text", "name", "reason"),
    [
        # Neither the site's sidebar nor an article address: not an article.
        ("Floods in Piura\n\nThe rains came.\n", "note.txt", "not a legacy export"),
        # A first paragraph that reads as a sentence is no title.
        (
            "The rains came.\n\nThey stayed.\n\nAll news\n",
            "article-8.txt",
            "not a legacy export",
        ),
        (
            "Floods in Piura\n\nThe rains came early and the river",
            "article-9.txt",
            "truncated: the text stops mid-sentence",
        ),
    ],
)
def test_undated_text_that_is_no_article_is_still_refused(text, name, reason):
    with pytest.raises(UnreadableExport) as error:
        parse_export(text, name)
    assert error.value.reason.startswith(reason)
