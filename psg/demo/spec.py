"""The shapes demo content is written in: page bodies and one type per item.

The content modules (site, news, publications, events) hold only these values;
the loader turns them into pages, images and documents.
"""

import datetime
from dataclasses import dataclass
from uuid import uuid4

from django.utils.html import escape


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid4())}


def html_paragraphs(texts):
    """Rich text HTML for plain-text paragraphs."""
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


class Paragraphs:
    """One rich text block holding one or more plain-text paragraphs."""

    def __init__(self, *texts):
        self.texts = texts

    def to_block(self, images):
        return _block("paragraph", html_paragraphs(self.texts))


@dataclass(frozen=True)
class Heading:
    text: str
    level: str = "h2"

    def to_block(self, images):
        return _block("heading", {"text": self.text, "level": self.level})


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""

    def to_block(self, images):
        return _block("quote", {"text": self.text, "attribution": self.attribution})


@dataclass(frozen=True)
class Picture:
    """A demo image by its key; its alt text is ``alt_text``, else the
    image's description."""

    image: str
    caption: str = ""
    credit: str = ""
    alt_text: str = ""

    def to_block(self, images):
        image = images[self.image]
        value = {
            "image": {
                "image": image.pk,
                "decorative": False,
                "alt_text": self.alt_text or image.description,
            },
            "caption": self.caption,
            "credit": self.credit,
        }
        return _block("image", value)


def stream(blocks, images):
    """StreamField data (BodyBlock's JSON form) for a list of body parts."""
    return [block.to_block(images) for block in blocks]


def ordered(model, rows):
    """Orderable rows of ``model`` from field dicts, in the given order."""
    return [model(sort_order=index, **row) for index, row in enumerate(rows)]


@dataclass(frozen=True)
class ImageSpec:
    """A picture the loader paints with Pillow (see images.py)."""

    key: str
    title: str
    description: str
    painter: str
    colours: tuple
    seed: int = 0


@dataclass(frozen=True)
class StandardPageSpec:
    slug: str
    title: str
    introduction: str
    body: list


@dataclass(frozen=True)
class AuthorSpec:
    name: str
    role: str
    bio: str


@dataclass(frozen=True)
class SeriesSpec:
    slug: str
    name: str
    region: str
    description: str


@dataclass(frozen=True)
class NewsSpec:
    """A news item; ``days_ago`` counts back from the day of the first load."""

    slug: str
    title: str
    days_ago: int
    kind: str
    teaser: str
    body: list
    regions: tuple = ()
    topics: tuple = ()
    authors: tuple = ()
    series: str = ""
    # Slugs of news items or publications defined earlier in the content.
    related: tuple = ()


@dataclass(frozen=True)
class DocumentText:
    """The text of one language version of a publication's PDF."""

    language: str
    title: str
    subtitle: str
    sections: tuple  # (heading, (paragraph, ...)) pairs


@dataclass(frozen=True)
class PublicationSpec:
    slug: str
    title: str
    days_ago: int
    kind: str
    summary: str
    description: tuple  # paragraphs
    cover: str  # an image key
    documents: tuple  # DocumentText, one per language
    date_precision: str = "day"
    publisher: str = ""
    regions: tuple = ()
    topics: tuple = ()


@dataclass(frozen=True)
class TranslationSpec:
    """The Spanish of one demo page or snippet, made with wagtail-localize.

    ``key`` names the English original: a page's slug (a section's key, or
    "home"), a series' slug, an author's name. ``strings`` maps every English
    string of it, its title and slug included, to the Spanish; an English
    string missing here stays in English, and the demo tests fail.
    """

    key: str
    strings: dict


@dataclass(frozen=True)
class EventSpec:
    """An event ``days_from_now`` days from the first load (negative: past)."""

    slug: str
    title: str
    days_from_now: int
    start_time: datetime.time
    duration: datetime.timedelta
    time_zone: str
    summary: str
    body: list
    venue: str = ""
    address: str = ""
    online_url: str = ""
    organisers: str = ""
    registration_url: str = ""
    regions: tuple = ()
    topics: tuple = ()


@dataclass(frozen=True)
class SubscriberSpec:
    """A fictional subscriber, confirmed ``days_ago`` days before the first load."""

    email: str
    name: str
    language: str  # a psg.members.languages.Language value
    days_ago: int


@dataclass(frozen=True)
class EditionSpec:
    """A draft edition in English and its Spanish edition of the same number."""

    introduction: tuple  # paragraphs
    spanish_introduction: tuple  # paragraphs
    items: tuple  # slugs of news items defined in news.py, in order
