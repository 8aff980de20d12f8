"""The parser on its own: text in, items and problems out, no database."""

import datetime

import pytest

from psg.legacy import parser
from psg.legacy.parser import (
    DAY,
    MONTH,
    YEAR,
    Shape,
    UnreadableExport,
    decode_export,
    parse_date,
    parse_date_line,
    parse_export,
)

from .conftest import (
    ARTICLE_MADRE_DE_DIOS,
    ARTICLE_WATER,
    NEWS_LISTING,
    PUBLICATIONS,
    VARIANTS,
)

SIDEBAR = """
  • PSG Aims

    The Peru Support Group exists to promote social inclusion.

  • Why join the PSG?

    • Keep up to date with latest news and developments in Peru
    • Support the work of the Peru Support Group

    Become a member"""


def parse_file(path):
    return parse_export(decode_export(path.read_bytes()), path.name)


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
    assert parser.news_kind(title) == kind


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
    found = parser.series_of(title)
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
    assert parser.publication_kind(title) == kind


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
    assert parser.title_date(title) == expected


def test_dates_at_the_end_of_summaries():
    assert parser.summary_date("… women's situation in Peru (April 2009).") == (
        datetime.date(2009, 4, 1),
        MONTH,
    )
    assert parser.summary_date("A guide (2007).") == (datetime.date(2007, 1, 1), YEAR)
    assert parser.summary_date("Since 2003, conflict.") == (None, DAY)


@pytest.mark.parametrize(
    ("name", "paths"),
    [
        ("article-123.txt", ["/article-123.html"]),
        ("news-article-45.txt", ["/news-article-45.html"]),
        ("2007_news-article-045_export.txt", ["/news-article-45.html"]),
        ("backup-article-7.TXT", ["/article-7.html"]),
        ("000_b5b5691a13da30d1.txt", []),
        ("myarticle-5.txt", []),
    ],
)
def test_legacy_addresses_from_file_names(name, paths):
    assert parser.legacy_paths_in(name) == paths


# --- Decoding ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b" \n\n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Cooperacción".encode("latin-1"), "not UTF-8 (byte 0xf3"),
        ("Apurímac".encode()[:5], "truncated: the file ends in the middle"),
    ],
)
def test_decode_export_refuses_bad_bytes(data, reason):
    with pytest.raises(UnreadableExport) as error:
        decode_export(data)
    assert error.value.reason.startswith(reason)


def test_decode_export_drops_a_byte_order_mark():
    assert decode_export("\ufeffTitle".encode()) == "Title"


# --- Shapes -----------------------------------------------------------------


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


def test_article_with_date_line_before_its_title():
    text = "Update 119. 31 January 2007\n\nCongress approves mining law\n\nIt did.\n"
    [item] = parse_export(text).news
    assert item.title == "Congress approves mining law"
    assert item.date == datetime.date(2007, 1, 31)
    assert (item.bulletin_name, item.bulletin_number) == ("Update", 119)
    assert item.body == ["It did."]


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
        parser.Problem(
            'line 1 ("Floods in Piura")', "no date line: imported without a date"
        )
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


def test_source_header_gives_the_legacy_address_and_is_not_content():
    parsed = parse_file(VARIANTS / "exported_page.txt")
    [item] = parsed.news
    assert item.title == "Floods in Loreto"
    assert item.legacy_paths == ["/news-article-45.html"]
    text = "URL: http://www.perusupportgroup.org.uk/article-9.html\n\n" + (
        "Title\n\n1 May 2010\n\nBody.\n"
    )
    [item] = parse_export(text, "export.txt").news
    assert (item.title, item.legacy_paths) == ("Title", ["/article-9.html"])


def test_article_address_from_the_file_name():
    [item] = parse_file(VARIANTS / "article-123.txt").news
    assert item.legacy_paths == ["/article-123.html"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (SIDEBAR, "no content: only the site's sidebar"),
        ("Regional pressure to improve public policy", "truncated or not an export"),
        (
            "Regional pressure\n\n24 November 2018\n",
            "truncated: the article stops after its date line",
        ),
        (
            "Regional pressure\n\n24 November 2018\n\nThere is an encouraging deg",
            "truncated: the text stops mid-sentence",
        ),
        ("Dear all,\n\nPlease find the minutes attached.\n", "not a legacy export"),
        (
            "RESOURCES: Latest Publications\n\n",
            "truncated: the publications listing has no items",
        ),
        (
            "RESOURCES: Latest Publications\n\nWe publish reports.\n",
            "truncated: the publications listing has no items",
        ),
    ],
)
def test_unrecognisable_or_truncated_text_is_refused(text, reason):
    with pytest.raises(UnreadableExport) as error:
        parse_export(text)
    assert error.value.reason.startswith(reason)


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


def test_listing_teaser_is_cut_at_a_word_and_the_full_text_kept_for_the_body():
    long_text = "word " * 80 + "end."
    item = parser.NewsItem(title="T", line=1, listing_text=[long_text.strip()])
    assert len(item.listing_teaser) <= 300
    assert item.listing_teaser.endswith("word…")
    assert item.listing_body == [long_text.strip()]
    short = parser.NewsItem(title="T", line=1, listing_text=["Short."])
    assert (short.listing_teaser, short.listing_body) == ("Short.", [])


def test_windows_line_endings_and_tabs_read_the_same():
    text = ARTICLE_WATER.read_text()
    windows = text.replace("\n", "\r\n").replace("    ", "\t")
    assert parse_export(windows).news == parse_export(text).news


def test_an_article_address_on_a_listing_is_reported_not_used():
    parsed = parse_export(NEWS_LISTING.read_text(), "news-article-9.txt")
    assert all(item.legacy_paths == [] for item in parsed.news)
    assert [problem.reason for problem in parsed.problems] == [
        "the name or header gives a legacy article address but the file is a "
        "listing: no redirect made"
    ]
