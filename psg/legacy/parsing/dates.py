"""The legacy site's dates: date lines, bulletin prefixes, dates in titles.

A date is never invented: a line recognised as a date line whose date cannot
be read gives no date and says why (docs/legacy-import.md lists the forms).
"""

import datetime
import re
from dataclasses import dataclass

from psg.core.text import fold

from .common import clean_line, clean_title

# The same strings as psg.core.models.DatePrecision, kept here so that the
# parser needs no Django.
DAY, MONTH, YEAR = "day", "month", "year"
PRECISION_RANK = {DAY: 0, MONTH: 1, YEAR: 2}

# Dates the legacy database printed for a missing value (Unix time 0).
PLACEHOLDER_DATES = {datetime.date(1969, 12, 31), datetime.date(1970, 1, 1)}

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    # Some bulletins were dated in Spanish.
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_FILLER_WORDS = {"de", "del", "of", "the"}
_RANGE = re.compile(r"\s*(?:/|-|–|—|&|\band\b|\bto\b|\by\b|\ba\b)\s*")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# "Update 119.", "UPDATE 133.", "Peru News 052.", "Newsletter No. 12:"
_BULLETIN = re.compile(
    r"^(?P<name>psg update|peru update|update|peru news|psg newsletter|newsletter)"
    r"\s*(?:no\.?|n[o°º]\.?|#)?\s*(?P<number>\d{1,4})(?!\d)\s*[.:,;\-–—]?\s*",
    re.IGNORECASE,
)
BULLETIN_NAMES = {
    "update": "Update",
    "psg update": "Update",
    "peru update": "Update",
    "peru news": "Peru News",
    "newsletter": "Newsletter",
    "psg newsletter": "Newsletter",
}


@dataclass(frozen=True)
class DateLine:
    """A line giving an item's date, perhaps after a bulletin prefix.

    ``date`` is None when the line was recognised as a date line but its date
    was not understood, was a placeholder, or was missing after the bulletin.
    """

    text: str
    date: datetime.date | None = None
    precision: str = DAY
    bulletin_name: str = ""
    bulletin_number: int | None = None
    placeholder: bool = False

    @property
    def understood(self):
        return self.date is not None or self.placeholder

    def problem(self):
        """Why this line gives no date, or "" when it gives one."""
        if self.date is not None:
            return ""
        if self.placeholder:
            return f'placeholder date "{self.text}": imported without a date'
        if self.bulletin_name and not _strip_bulletin(self.text)[2]:
            return f'no date after the bulletin number in "{self.text}"'
        return f'date "{self.text}" not understood: imported without a date'


def _date_part(text):
    """(day, month, year) from "12 march 2008", "march 2008", "2008", "12"."""
    day = month = year = None
    for token in text.replace(",", " ").split():
        token = token.rstrip(".")
        if token in _FILLER_WORDS:
            continue
        if token.isdigit() and len(token) == 4 and year is None:
            year = int(token)
        elif token.isdigit() and len(token) <= 2 and day is None:
            day = int(token)
        elif token in MONTHS and month is None:
            month = MONTHS[token]
        else:
            return None
    if day is None and month is None and year is None:
        return None
    return [day, month, year]


def parse_date(text):
    """(date, precision) for a date as the legacy site wrote it, else None.

    Understands "31 January 2007", "March 12, 2008", "April 2009", "2009",
    "31/01/2007" and ranges ("May / April 2009", "March - April 2009",
    "12-14 March 2008"), whose earliest date is taken.
    """
    text = _ORDINAL.sub(r"\1", fold(text)).strip(" .")
    if not text:
        return None
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        return _make_date(day, month, year)
    parts = [_date_part(part) for part in _RANGE.split(text) if part.strip()]
    if not parts or None in parts:
        return None
    # A range names its month and year once, at the end: "12-14 March 2008".
    for earlier, later in zip(reversed(parts[:-1]), reversed(parts[1:]), strict=True):
        if earlier[2] is None:
            earlier[2] = later[2]
            if earlier[1] is None:
                earlier[1] = later[1]
    dates = [_make_date(*part) for part in parts]
    if None in dates:
        return None
    return min(dates, key=lambda found: (found[0], PRECISION_RANK[found[1]]))


def _make_date(day, month, year):
    if year is None or not 1900 <= year <= 2099:
        return None
    if day is not None and month is None:
        return None
    try:
        if day is not None:
            return datetime.date(year, month, day), DAY
        if month is not None:
            return datetime.date(year, month, 1), MONTH
    except ValueError:
        return None
    return datetime.date(year, 1, 1), YEAR


def _strip_bulletin(text):
    """(bulletin name, number, rest) with a stray leading dot dropped."""
    text = text.strip().lstrip(".·•").strip()
    match = _BULLETIN.match(text)
    if not match:
        return "", None, text
    name = BULLETIN_NAMES[fold(match["name"])]
    return name, int(match["number"]), text[match.end() :].lstrip(".").strip()


# "119 12 March 2004", "119. 12 March 2004": older Updates numbered their
# items with the bare number of the Update before the date.
_EDITION = re.compile(r"^(?P<number>\d{1,4})(?:\s*\.\s*|\s+)(?P<rest>\S.*)$")


def _bare_edition(text):
    """(Update number, date, precision) for "119 12 March 2004", else None.

    Only when what follows the number is a date with at least its month, and
    the number is not a year: "2004 March 2004" stays a date not understood.
    """
    match = _EDITION.match(text)
    if not match or _YEAR.fullmatch(match["number"]):
        return None
    parsed = parse_date(match["rest"])
    if not parsed or parsed[1] == YEAR:
        return None
    return int(match["number"]), *parsed


def parse_date_line(text):
    """A DateLine when ``text`` is an item's date line, else None.

    A line counts as a date line when its date is understood, when it starts
    with a bulletin prefix (or an Update's bare number before a date), or
    when it is a short phrase with a year in it and at most one unknown word
    ("Janury 2007"): such a line is reported rather than being taken for a
    title or a teaser.
    """
    text = clean_line(text)
    name, number, rest = _strip_bulletin(text)
    if len(rest) > 40:
        return None
    parsed = parse_date(rest) if rest else None
    if not parsed and not name and (edition := _bare_edition(rest)):
        number, *parsed = edition
        name = BULLETIN_NAMES["update"]
    if parsed:
        date, precision = parsed
        if date in PLACEHOLDER_DATES:
            return DateLine(text, None, DAY, name, number, placeholder=True)
        return DateLine(text, date, precision, name, number)
    if name:
        return DateLine(text, bulletin_name=name, bulletin_number=number)
    words = fold(rest).replace(",", " ").split()
    unknown = [
        word
        for word in words
        if not word.strip(".").isdigit()
        and word.strip(".") not in MONTHS
        and word not in {"/", "-", "–", "&"}
    ]
    if _YEAR.search(rest) and len(words) <= 4 and len(unknown) <= 1:
        return DateLine(text)
    return None


_MONTH_YEAR = r"(?:(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+)?"
_TITLE_DATE = re.compile(
    r"^(?P<title>.+?)\s*(?:[-–—,]\s*|\(\s*)(?P<date>" + _MONTH_YEAR + r"\d{4})\s*\)?$",
    re.IGNORECASE,
)
_SUMMARY_DATE = re.compile(
    r"\(\s*(?P<date>" + _MONTH_YEAR + r"\d{4})\s*\)\s*\.?\s*$", re.IGNORECASE
)


def title_date(title):
    """(title without its date, date, precision) for "Report - November 2017"."""
    match = _TITLE_DATE.match(title)
    parsed = parse_date(match["date"]) if match else None
    if not parsed:
        return title, None, DAY
    return clean_title(match["title"]), *parsed


def summary_date(text):
    """(date, precision) from a closing "(April 2009)", else (None, DAY)."""
    match = _SUMMARY_DATE.search(text)
    parsed = parse_date(match["date"]) if match else None
    return parsed or (None, DAY)
