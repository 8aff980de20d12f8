"""Article pages parsed: title, date line (either way round) and body."""

import datetime

from psg.legacy.parsing.dates import DAY
from psg.legacy.parsing.exports import parse_export
from psg.legacy.parsing.items import Shape

from .conftest import ARTICLE_MADRE_DE_DIOS, ARTICLE_WATER, parse_file


def test_article_seed():
    parsed = parse_file(ARTICLE_WATER)
    assert parsed.shape == Shape.ARTICLE
    assert parsed.problems == []
    [item] = parsed.news
    assert (
        item.title == "Regional pressure to improve public policy on water management"
    )
    assert (item.date, item.date_precision) == (datetime.date(2018, 11, 24), DAY)
    assert len(item.body) == 6
    assert item.body[-1] == (
        "Follow-up and accountability arising out of such meetings is needed, "
        "not just talk."
    )
    # Non-breaking spaces are gone, the sentence is whole.
    assert item.body[2].endswith("held in Lima in July 2017.")
    assert "\u00a0" not in " ".join(item.body)


def test_article_title_loses_its_trailing_dashes():
    [item] = parse_file(ARTICLE_MADRE_DE_DIOS).news
    assert item.title == "Meanwhile in Madre de Dios"


def test_article_with_date_line_before_its_title():
    text = "Update 119. 31 January 2007\n\nCongress approves mining law\n\nIt did.\n"
    [item] = parse_export(text).news
    assert item.title == "Congress approves mining law"
    assert item.date == datetime.date(2007, 1, 31)
    assert (item.bulletin_name, item.bulletin_number) == ("Update", 119)
    assert item.body == ["It did."]
