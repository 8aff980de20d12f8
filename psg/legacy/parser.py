"""Reading the legacy site's text exports: pure functions over text.

Nothing here touches the database, so every shape of export can be tested
with a string. ``parse_export`` returns what a file holds (news items or
publications, and the problems met on the way); the importer turns that into
pages.

Three shapes are understood (docs/legacy-import.md shows each):

* an article page: title, date line, body paragraphs, then "All news" and the
  site's sidebar boxes;
* a news listing: bulleted items of title, date line and teaser (or date line
  first), then the sidebar;
* "RESOURCES: Latest Publications": bulleted items of title and summary
  paragraphs, then the sidebar.
"""

import datetime
import enum
import re
from dataclasses import dataclass, field

from psg.core.text import fold, normalise_title, truncate_words

TEASER_LIMIT = 300
TITLE_LIMIT = 255

# The same strings as psg.core.models.DatePrecision, kept here so that the
# parser needs no Django.
DAY, MONTH, YEAR = "day", "month", "year"
PRECISION_RANK = {DAY: 0, MONTH: 1, YEAR: 2}

# Dates the legacy database printed for a missing value (Unix time 0).
PLACEHOLDER_DATES = {datetime.date(1969, 12, 31), datetime.date(1970, 1, 1)}


class Shape(enum.StrEnum):
    ARTICLE = "article"
    NEWS_LISTING = "news listing"
    PUBLICATIONS = "publications listing"


class UnreadableExport(ValueError):
    """The file cannot be imported at all; ``reason`` says why, for the report."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """Something in a file the importer could not use as it stands."""

    where: str
    reason: str


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


@dataclass
class NewsItem:
    """One news item, from a listing (teaser text) or an article (body)."""

    title: str
    line: int
    date: datetime.date | None = None
    date_precision: str = DAY
    bulletin_name: str = ""
    bulletin_number: int | None = None
    listing_text: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    legacy_paths: list[str] = field(default_factory=list)

    @property
    def listing_teaser(self):
        """The listing text, cut at a word boundary to fit a teaser."""
        return truncate_words(" ".join(self.listing_text), TEASER_LIMIT)

    @property
    def listing_body(self):
        """Listing paragraphs worth keeping as a body: those the teaser cut."""
        if not self.listing_text:
            return []
        if self.listing_teaser == _collapse(" ".join(self.listing_text)):
            return []
        return list(self.listing_text)

    @property
    def article_teaser(self):
        return truncate_words(self.body[0], TEASER_LIMIT) if self.body else ""

    @property
    def kind(self):
        return news_kind(self.title)

    @property
    def series(self):
        return series_of(self.title)


@dataclass
class PublicationItem:
    title: str
    line: int
    paragraphs: list[str]
    date: datetime.date | None = None
    date_precision: str = DAY

    @property
    def summary(self):
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def kind(self):
        return publication_kind(self.title)


@dataclass
class ParsedExport:
    shape: Shape
    news: list[NewsItem] = field(default_factory=list)
    publications: list[PublicationItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    legacy_paths: list[str] = field(default_factory=list)

    @property
    def items(self):
        return [*self.news, *self.publications]


# --- Decoding and cleaning -------------------------------------------------

# Spaces the old site's editor scattered through its text (non-breaking,
# thin, ideographic) and characters that should not survive at all.
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACE = re.compile(r" {2,}")


def decode_export(data):
    """The text of an export, or UnreadableExport saying why there is none."""
    if not data.strip():
        raise UnreadableExport("the file is empty")
    if b"\x00" in data:
        raise UnreadableExport("binary file (it contains NUL bytes), not a text export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end >= len(data) - 3:
            raise UnreadableExport(
                "truncated: the file ends in the middle of a character"
            ) from error
        raise UnreadableExport(
            f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "export the page again as UTF-8"
        ) from error
    if len(_CONTROL.findall(text)) > max(3, len(text) // 100):
        raise UnreadableExport("binary file (control characters), not a text export")
    return text


def clean_line(text):
    """One line with odd spaces made plain and runs of spaces collapsed."""
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def _collapse(text):
    return " ".join(text.split())


# --- Dates ------------------------------------------------------------------

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


def parse_date_line(text):
    """A DateLine when ``text`` is an item's date line, else None.

    A line counts as a date line when its date is understood, when it starts
    with a bulletin prefix, or when it is a short phrase with a year in it and
    at most one unknown word ("Janury 2007"): such a line is reported rather
    than being taken for a title or a teaser.
    """
    text = clean_line(text)
    name, number, rest = _strip_bulletin(text)
    if len(rest) > 40:
        return None
    parsed = parse_date(rest) if rest else None
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


# --- Titles, kinds and series ----------------------------------------------


def clean_title(text):
    """A title without a bullet, a trailing dash run ("Meanwhile in … --")."""
    title = re.sub(r"[\s\-–—:;,]+$", "", clean_line(text))
    if len(title) > TITLE_LIMIT:
        title = truncate_words(title, TITLE_LIMIT)
    return title


def news_kind(title):
    """The NewsPage kind a legacy title implies."""
    folded = fold(title)
    if folded.startswith("letter from "):
        return "letter"
    if re.match(r"editorial\b", folded):
        return "editorial"
    if re.match(r"analysis\s*:", folded):
        return "analysis"
    if re.match(r"corrections?\b", folded):
        return "correction"
    return "news"


_SERIES = re.compile(
    r"^(?P<name>letter from (?P<place>[^:(\-–—]+?))\s*(?:\(\s*\d+\s*\))?\s*"
    r"(?:[:\-–—].*)?$",
    re.IGNORECASE,
)


def series_of(title):
    """("Letter from Cajamarca", "Cajamarca") for a letter's title, else None.

    "Letter from Cajamarca (2): the rondas campesinas" and "Letter from
    Cajamarca" both belong to the series "Letter from Cajamarca".
    """
    match = _SERIES.match(clean_line(title))
    if not match:
        return None
    place = match["place"].strip()
    return "Letter from " + place, place


def publication_kind(title):
    folded = fold(title)
    if folded.startswith("update extra"):
        return "update-extra"
    if "case study" in folded:
        return "case-study"
    if re.search(r"\bsubmission\b", folded):
        return "submission"
    if folded.startswith("briefing"):
        return "briefing"
    return "report"


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


# --- Legacy addresses -------------------------------------------------------

_ARTICLE_ADDRESS = re.compile(
    r"(?<![a-z0-9])(?P<prefix>news-article|article)-(?P<number>\d{1,12})(?!\d)",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^(?:source|url)\s*:\s*(?P<url>\S+)$", re.IGNORECASE)


def legacy_path(prefix, number):
    """The legacy site's address of an article: "/article-123.html"."""
    return f"/{prefix.lower()}-{int(number)}.html"


def legacy_paths_in(text):
    """Legacy article addresses named in a file name or URL."""
    return [
        legacy_path(match["prefix"], match["number"])
        for match in _ARTICLE_ADDRESS.finditer(text)
    ]


# --- Paragraphs and boilerplate ---------------------------------------------

_BULLET = re.compile(r"^[•◦▪‣·*]\s*")
SIDEBAR_TITLES = {"psg aims", "historical overview", "human rights", "why join the psg"}
BOILERPLATE = {
    "all news",
    "become a member",
    "keep up to date with latest news and developments in peru",
    "learn about key issues of poverty development and human rights in peru",
    "support the work of the peru support group",
}


@dataclass
class _Paragraph:
    text: str
    line: int
    bullet: bool


def _paragraphs(text):
    """Blank-line separated paragraphs, each with its first line number.

    A bullet starts a paragraph of its own, and so does a date line: an export
    that lost the blank line between a date and its teaser still splits there.
    """
    paragraphs, current = [], None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        line = clean_line(raw)
        if not line:
            current = None
            continue
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end() :]
            if not line:
                continue
        starts_new = (
            bullet
            or current is None
            or (
                current.line == number - 1
                and (parse_date_line(current.text) or parse_date_line(line))
            )
        )
        if starts_new:
            current = _Paragraph(line, number, bool(bullet))
            paragraphs.append(current)
        else:
            current.text += " " + line
    return paragraphs


def _strip_site_chrome(paragraphs):
    """(content, footer found): the paragraphs before "All news" or the sidebar.

    The sidebar starts at the first bulleted box title ("PSG Aims", "Human
    Rights"…) that is not followed by a date line, so a news item that happens
    to be called "Human Rights" is still an item.
    """
    for index, paragraph in enumerate(paragraphs):
        key = normalise_title(paragraph.text)
        if key == "all news" and not paragraph.bullet:
            return paragraphs[:index], True
        if paragraph.bullet and key in SIDEBAR_TITLES:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is None or not parse_date_line(following.text):
                return paragraphs[:index], True
    return paragraphs, False


def _ends_sentence(text):
    return text.rstrip()[-1:] in set(".!?…\"'”’)]»")


# --- Parsing ----------------------------------------------------------------


def parse_export(text, filename=""):
    """What one export holds: its shape, items and problems.

    Raises UnreadableExport when the text is not an export the importer
    understands (nothing but the sidebar, an article cut short…).
    """
    paragraphs = _paragraphs(text)
    legacy_paths = legacy_paths_in(filename)
    content, has_footer = _strip_site_chrome(paragraphs)
    # "Source: http://…/article-123.html" lines say where the export came from.
    kept = []
    for paragraph in content:
        header = _HEADER.match(paragraph.text)
        if header:
            addresses = legacy_paths_in(header["url"])
            if addresses or not kept:
                legacy_paths.extend(addresses)
                continue
        kept.append(paragraph)
    content = [p for p in kept if normalise_title(p.text) not in BOILERPLATE]
    if not content:
        if has_footer:
            raise UnreadableExport("no content: only the site's sidebar")
        raise UnreadableExport("no text found")
    legacy_paths = list(dict.fromkeys(legacy_paths))

    first = fold(content[0].text)
    if not content[0].bullet and "latest publications" in first:
        return _parse_publications(content[1:], has_footer)
    if _looks_like_article(content):
        return _parse_article(content, has_footer, legacy_paths)
    if any(paragraph.bullet for paragraph in content):
        parsed = _parse_news_listing(content, has_footer)
        if legacy_paths:
            parsed.problems.append(
                Problem(
                    "",
                    "the name or header gives a legacy article address but the "
                    "file is a listing: no redirect made",
                )
            )
        return parsed
    if len(content) == 1:
        raise UnreadableExport("truncated or not an export: a single line of text")
    raise UnreadableExport(
        "not a legacy export: no date line near the top and no bulleted items"
    )


def _looks_like_article(content):
    """A title and a date line (either way round), neither of them bulleted."""
    if len(content) < 2 or content[0].bullet or content[1].bullet:
        return False
    first = parse_date_line(content[0].text)
    return bool(parse_date_line(content[1].text) or (first and first.understood))


def _parse_article(content, has_footer, legacy_paths):
    first, second = parse_date_line(content[0].text), parse_date_line(content[1].text)
    if second is not None and (second.understood or not (first and first.understood)):
        title, date_line = content[0], (content[1], second)
    else:
        title, date_line = content[1], (content[0], first)
    body = [paragraph.text for paragraph in content[2:]]
    if not body:
        raise UnreadableExport("truncated: the article stops after its date line")
    if not has_footer and not _ends_sentence(body[-1]):
        raise UnreadableExport(
            "truncated: the text stops mid-sentence and the site's sidebar is missing"
        )
    item = NewsItem(title=clean_title(title.text), line=title.line, body=body)
    item.legacy_paths = legacy_paths
    parsed = ParsedExport(Shape.ARTICLE, news=[item])
    _apply_date(item, *date_line, parsed.problems)
    return parsed


def _apply_date(item, paragraph, date_line, problems):
    item.bulletin_name = date_line.bulletin_name
    item.bulletin_number = date_line.bulletin_number
    item.date, item.date_precision = date_line.date, date_line.precision
    if date_line.date is None:
        item.date_precision = DAY
        problems.append(Problem(f"line {paragraph.line}", date_line.problem()))


def _groups(content):
    """Bulleted items: each bullet and the paragraphs under it.

    Text before the first bullet is returned apart. A date line that ends one
    item but belongs to the next (listings that put the date above a bulleted
    title) is moved down.
    """
    start = next(i for i, paragraph in enumerate(content) if paragraph.bullet)
    leading, groups = content[:start], []
    for paragraph in content[start:]:
        if paragraph.bullet:
            groups.append([paragraph])
        else:
            groups[-1].append(paragraph)
    previous = leading
    for group in groups:
        own_date = any(parse_date_line(p.text) for p in group[:2])
        # An item keeps at least its title.
        movable = previous is leading or len(previous) > 1
        if not own_date and previous and movable:
            candidate = parse_date_line(previous[-1].text)
            if candidate and candidate.understood:
                group.insert(0, previous.pop())
        previous = group
    return leading, groups


def _split_news_group(group):
    """(title paragraph, (date paragraph, DateLine) or None, text paragraphs)."""
    first = parse_date_line(group[0].text)
    second = parse_date_line(group[1].text) if len(group) > 1 else None
    if second and second.understood:
        return group[0], (group[1], second), group[2:]
    if first and first.understood and len(group) > 1:
        return group[1], (group[0], first), group[2:]
    if second:
        return group[0], (group[1], second), group[2:]
    if first and len(group) > 1:
        return group[1], (group[0], first), group[2:]
    return group[0], None, group[1:]


def _parse_news_listing(content, has_footer):
    parsed = ParsedExport(Shape.NEWS_LISTING)
    leading, groups = _groups(content)
    for paragraph in leading:
        if len(leading) > 1 or len(paragraph.text) > 80:
            parsed.problems.append(
                Problem(f"line {paragraph.line}", "text before the first item ignored")
            )
    for position, group in enumerate(groups):
        title, dated, text = _split_news_group(group)
        item = NewsItem(
            title=clean_title(title.text),
            line=title.line,
            listing_text=[paragraph.text for paragraph in text],
        )
        where = f'line {title.line} ("{item.title}")'
        if dated:
            _apply_date(item, *dated, parsed.problems)
        else:
            parsed.problems.append(
                Problem(where, "no date line: imported without a date")
            )
        if not item.listing_text:
            parsed.problems.append(Problem(where, "the item has no text: skipped"))
            continue
        last = position == len(groups) - 1
        if last and not has_footer and not _ends_sentence(item.listing_text[-1]):
            parsed.problems.append(
                Problem(
                    where,
                    "the text stops mid-sentence and the site's sidebar is "
                    "missing: the file looks truncated, item skipped",
                )
            )
            continue
        parsed.news.append(item)
    if not parsed.news:
        raise UnreadableExport(_nothing_usable(parsed.problems))
    return parsed


def _parse_publications(content, has_footer):
    parsed = ParsedExport(Shape.PUBLICATIONS)
    if not any(paragraph.bullet for paragraph in content):
        raise UnreadableExport("truncated: the publications listing has no items")
    leading, groups = _groups(content)
    for paragraph in leading:
        parsed.problems.append(
            Problem(f"line {paragraph.line}", "text before the first item ignored")
        )
    for position, group in enumerate(groups):
        title, date, precision = title_date(clean_title(group[0].text))
        paragraphs = [paragraph.text for paragraph in group[1:]]
        where = f'line {group[0].line} ("{title}")'
        if paragraphs:
            date_line = parse_date_line(paragraphs[0])
            if date_line is not None:
                paragraphs.pop(0)
                if date_line.date and date is None:
                    date, precision = date_line.date, date_line.precision
                elif not date_line.date:
                    parsed.problems.append(Problem(where, date_line.problem()))
        if date is None and paragraphs:
            for paragraph in (paragraphs[-1], paragraphs[0]):
                date, precision = summary_date(paragraph)
                if date:
                    break
        if not paragraphs:
            parsed.problems.append(Problem(where, "the item has no text: skipped"))
            continue
        last = position == len(groups) - 1
        if last and not has_footer and not _ends_sentence(paragraphs[-1]):
            parsed.problems.append(
                Problem(
                    where,
                    "the text stops mid-sentence and the site's sidebar is "
                    "missing: the file looks truncated, item skipped",
                )
            )
            continue
        parsed.publications.append(
            PublicationItem(
                title=title,
                line=group[0].line,
                paragraphs=paragraphs,
                date=date,
                date_precision=precision if date else DAY,
            )
        )
    if not parsed.publications:
        raise UnreadableExport(_nothing_usable(parsed.problems))
    return parsed


def _nothing_usable(problems):
    if not problems:
        return "no items found in the listing"
    first = problems[0]
    return f"no usable item in the listing ({first.where}: {first.reason})"
