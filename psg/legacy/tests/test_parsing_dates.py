"""Reading the legacy dates: date lines, bulletin prefixes, dates in titles."""

import datetime

import pytest

from psg.legacy.parsing.dates import (
    DAY,
    MONTH,
    YEAR,
    parse_date,
    parse_date_line,
    summary_date,
    title_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24 November 2018", (datetime.date(2018, 11, 24), DAY)),
        ("1 April 2019", (datetime.date(2019, 4, 1), DAY)),
        ("3rd June 2005", (datetime.date(2005, 6, 3), DAY)),
        ("March 12, 2008", (datetime.date(2008, 3, 12), DAY)),
        ("31/01/2007", (datetime.date(2007, 1, 31), DAY)),
        ("12 de marzo de 2008", (datetime.date(2008, 3, 12), DAY)),
        ("April 2009", (datetime.date(2009, 4, 1), MONTH)),
        ("Sept 2010", (datetime.date(2010, 9, 1), MONTH)),
        ("2009", (datetime.date(2009, 1, 1), YEAR)),
        # Ranges give their earliest date, as precisely as it is written.
        ("May / April 2009", (datetime.date(2009, 4, 1), MONTH)),
        ("March - April 2009", (datetime.date(2009, 3, 1), MONTH)),
        ("December 2008 - January 2009", (datetime.date(2008, 12, 1), MONTH)),
        ("12-14 March 2008", (datetime.date(2008, 3, 12), DAY)),
        ("2008 / 2009", (datetime.date(2008, 1, 1), YEAR)),
    ],
)
def test_parse_date_understands_legacy_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "31 Febuary 2007", "31 February 2007", "Spring 2009", "12 March", "1850"],
)
def test_parse_date_refuses_what_it_cannot_read(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "date", "precision", "bulletin", "number"),
    [
        ("Update 119. 31 January 2007", datetime.date(2007, 1, 31), DAY, "Update", 119),
        (
            "UPDATE 133. May / April 2009",
            datetime.date(2009, 4, 1),
            MONTH,
            "Update",
            133,
        ),
        (
            "Peru News 052. 28 February 2010",
            datetime.date(2010, 2, 28),
            DAY,
            "Peru News",
            52,
        ),
        (
            ".Update 120. 14 February 2007",
            datetime.date(2007, 2, 14),
            DAY,
            "Update",
            120,
        ),
        (". 12 March 2008", datetime.date(2008, 3, 12), DAY, "", None),
        (
            "Newsletter 12. 3 June 2005",
            datetime.date(2005, 6, 3),
            DAY,
            "Newsletter",
            12,
        ),
        ("\u00a024 November 2018\u00a0", datetime.date(2018, 11, 24), DAY, "", None),
    ],
)
def test_date_lines_with_bulletin_prefixes(text, date, precision, bulletin, number):
    line = parse_date_line(text)
    assert (line.date, line.precision) == (date, precision)
    assert (line.bulletin_name, line.bulletin_number) == (bulletin, number)
    assert line.problem() == ""


def test_placeholder_date_means_no_date():
    line = parse_date_line("31 December 1969")
    assert line.date is None
    assert line.placeholder
    assert "placeholder" in line.problem()


def test_unreadable_date_line_is_recognised_and_reported():
    line = parse_date_line("Update 121. 31 Febuary 2007")
    assert line.date is None
    assert (line.bulletin_name, line.bulletin_number) == ("Update", 121)
    assert line.problem() == (
        'date "Update 121. 31 Febuary 2007" not understood: imported without a date'
    )
    assert parse_date_line("Janury 2007").problem().startswith('date "Janury 2007"')
    assert "no date after" in parse_date_line("Update 119.").problem()


@pytest.mark.parametrize(
    "text",
    [
        "Letter from Cajamarca",
        "Espinar: continuing problems with mine developments",
        "Forcibly sterilised women continue fight for justice",
        "A seminar was held in Lima on 12 March 2019 on the issue of trafficking.",
        "Peru elections 2021",
    ],
)
def test_titles_and_teasers_are_not_date_lines(text):
    assert parse_date_line(text) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Review - November 2017",
            ("Review", datetime.date(2017, 11, 1), MONTH),
        ),
        (
            "EITI Global meeting in Lima, February 2016",
            ("EITI Global meeting in Lima", datetime.date(2016, 2, 1), MONTH),
        ),
        (
            "Mining in Ancash - 2005",
            ("Mining in Ancash", datetime.date(2005, 1, 1), YEAR),
        ),
        ("Report (2003)", ("Report", datetime.date(2003, 1, 1), YEAR)),
        # A place after a comma is not a date.
        ("The Río Blanco Project, Piura", ("The Río Blanco Project, Piura", None, DAY)),
    ],
)
def test_dates_at_the_end_of_publication_titles(title, expected):
    assert title_date(title) == expected


def test_dates_at_the_end_of_summaries():
    assert summary_date("… women's situation in Peru (April 2009).") == (
        datetime.date(2009, 4, 1),
        MONTH,
    )
    assert summary_date("A guide (2007).") == (datetime.date(2007, 1, 1), YEAR)
    assert summary_date("Since 2003, conflict.") == (None, DAY)
