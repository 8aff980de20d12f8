"""What a parsed export holds: news items, publications, and their kinds.

A title says what kind of item it is ("Letter from …", "Editorial",
"Update Extra: …") and which series a letter belongs to.
"""

import datetime
import enum
import re
from dataclasses import dataclass, field

from psg.core.text import fold, truncate_words

from .common import Problem, clean_line, collapse
from .dates import DAY

TEASER_LIMIT = 300


class Shape(enum.StrEnum):
    ARTICLE = "article"
    NEWS_LISTING = "news listing"
    PUBLICATIONS = "publications listing"


@dataclass
class NewsItem:
    """One news item, from a listing (teaser text) or an article (body)."""

    title: str
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
        if self.listing_teaser == collapse(" ".join(self.listing_text)):
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
    """What one export holds: its shape, its items and the problems met."""

    shape: Shape
    news: list[NewsItem] = field(default_factory=list)
    publications: list[PublicationItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def apply_date(item, paragraph, date_line, problems):
    """Give ``item`` the date and bulletin of its date line; report none."""
    item.bulletin_name = date_line.bulletin_name
    item.bulletin_number = date_line.bulletin_number
    item.date, item.date_precision = date_line.date, date_line.precision
    if date_line.date is None:
        item.date_precision = DAY
        problems.append(Problem(f"line {paragraph.line}", date_line.problem()))


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
