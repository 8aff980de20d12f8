"""Reading the search box: words and phrases, never engine syntax."""

import pytest

from psg.search.candidates.sqlite import fts5_query
from psg.search.highlight import Matcher, snippet
from psg.search.query import MAX_QUERY_LENGTH, MAX_TERMS, parse_query


def test_words_are_folded_to_lower_case_without_accents():
    parsed = parse_query("Apurímac  PUNO Áncash")
    assert parsed.terms == ["apurimac", "puno", "ancash"]
    assert parsed.phrases == []


def test_quoted_words_are_a_phrase_and_the_rest_are_words():
    parsed = parse_query('mining "consulta previa" Cusco')
    assert parsed.phrases == [("consulta", "previa")]
    assert parsed.terms == ["mining", "cusco"]


def test_typographic_quotes_make_phrases_too():
    assert parse_query("“derechos humanos”").phrases == [("derechos", "humanos")]


def test_an_unbalanced_quote_opens_no_phrase():
    parsed = parse_query('"consulta previa')
    assert parsed.phrases == []
    assert parsed.terms == ["consulta", "previa"]


def test_a_quoted_single_word_is_a_word():
    parsed = parse_query('"Puno"')
    assert parsed.terms == ["puno"] and parsed.phrases == []


@pytest.mark.parametrize(
    "raw",
    [
        "water AND mine",
        "water OR mine",
        "NOT water mine",
        "NEAR(water mine)",
        "water* ^mine",
        "water:  -mine",
        "(water) {mine}",
    ],
)
def test_engine_operators_are_not_operators(raw):
    parsed = parse_query(raw)
    assert parsed.terms == ["water", "mine"]
    assert parsed.phrases == []


def test_capitalised_operators_are_reported_as_left_out():
    assert parse_query("water OR mine").ignored_operators == ["OR"]
    # In lower case they are ordinary words.
    assert parse_query("water or mine").terms == ["water", "or", "mine"]


def test_sql_is_only_words():
    parsed = parse_query("'; DROP TABLE wagtailcore_page; --")
    assert parsed.terms == ["drop", "table", "wagtailcore", "page"]


@pytest.mark.parametrize("raw", ["", "   ", "!!!", '"" ""', "*^:()-", "\x00\x01", '"'])
def test_punctuation_alone_is_no_query(raw):
    assert not parse_query(raw)


def test_a_long_query_is_cut_and_says_so():
    parsed = parse_query("agua " * 2000)
    assert parsed.truncated
    assert len(parsed.text) <= MAX_QUERY_LENGTH
    assert parsed.terms == ["agua"]


def test_at_most_ten_words_and_phrases_are_used():
    raw = " ".join(f"word{number}" for number in range(30))
    parsed = parse_query(raw)
    assert len(parsed.terms) == MAX_TERMS
    assert parsed.too_many_words


def test_the_fts5_expression_quotes_every_word():
    parsed = parse_query('Puno "consulta previa" NEAR')
    assert fts5_query(parsed) == '{title body} : ("puno" AND "consulta previa")'


def test_a_column_filter_is_just_two_words():
    assert parse_query("title:water").terms == ["title", "water"]


def test_a_snippet_opens_at_the_phrase_not_at_its_first_word_alone():
    text = (
        "Human development was slow. "
        + "Filler words about the highlands. " * 12
        + "Groups reported Human-Rights abuses in Puno."
    )
    html = str(snippet(text, Matcher(parse_query('"human rights" puno'))))
    assert html.startswith("… ")
    assert "<mark>Human</mark>-<mark>Rights</mark>" in html
    assert "<mark>Puno</mark>" in html
    assert "development" not in html


def test_a_snippet_finds_an_accented_phrase_from_a_plain_query():
    text = "Intro. " * 60 + "La Defensoría del Pueblo informó."
    html = str(snippet(text, Matcher(parse_query('"defensoria del pueblo"'))))
    assert "<mark>Defensoría</mark> <mark>del</mark> <mark>Pueblo</mark>" in html


def test_a_snippet_opens_where_a_word_starts_not_inside_one():
    # "unhealthy" holds "health" but is not the word; capitals and accents of
    # the word itself still match.
    text = "Unhealthy air. " * 12 + "HEALTH posts in Apurímac were closed."
    html = str(snippet(text, Matcher(parse_query("health apurimac"))))
    assert html.startswith("… ")
    assert "<mark>HEALTH</mark> posts in <mark>Apurímac</mark>" in html
    assert "<mark>Unhealthy</mark>" not in html


def test_a_title_holds_the_whole_query_whatever_its_capitals_and_accents():
    matcher = Matcher(parse_query('apurimac "consulta previa" mines'))
    assert matcher.matches_all("Mining: CONSULTA PREVIA in APURÍMAC")
    assert not matcher.matches_all("Consulta and previa in Apurímac mines")
    assert not matcher.matches_all("Consulta previa in Apurímac")
    assert not matcher.matches_all("Consulta previa, mines and Cusco")


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ('"aa bb"', "<mark>aa</mark> <mark>bb</mark> aaaa"),
        ("aaaa", "aa bb <mark>aaaa</mark>"),
        ('"aaaa aaaa" aa', "<mark>aa</mark> bb aaaa"),
    ],
)
def test_a_snippet_over_a_hostile_text_still_finds_the_match(query, shown):
    # One run of 200,000 letters (a PDF's text can be that long) made a
    # phrase's pattern backtrack over the whole run at every letter: minutes.
    # How fast it now is: `make bench-highlight` (docs/benchmarks.md).
    text = "a" * 200_000 + " aa bb aaaa"
    html = str(snippet(text, Matcher(parse_query(query))))
    assert html == "… " + shown
