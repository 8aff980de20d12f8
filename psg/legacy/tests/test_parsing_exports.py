"""One export file: decoding, its legacy addresses, and what is refused."""

import pytest

from psg.legacy.parsing.addresses import legacy_paths_in
from psg.legacy.parsing.common import UnreadableExport, decode_export
from psg.legacy.parsing.exports import parse_export

from .conftest import ARTICLE_WATER, NEWS_LISTING, SIDEBAR, VARIANTS, parse_file


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
    assert legacy_paths_in(name) == paths


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
