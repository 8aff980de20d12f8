"""One export file: its paragraphs without the site's chrome, and its shape.

``parse_export`` finds which of the three shapes a file has (an article page,
a news listing, the publications listing) and hands it on.
"""

import re
from dataclasses import dataclass

from psg.core.text import fold, normalise_title

from .addresses import legacy_paths_in
from .articles import looks_like_article, looks_like_undated_article, parse_article
from .common import Problem, UnreadableExport, clean_line
from .dates import parse_date_line
from .listings import parse_news_listing, parse_publications

_HEADER = re.compile(r"^(?:source|url)\s*:\s*(?P<url>\S+)$", re.IGNORECASE)
_BULLET = re.compile(r"^[•◦▪‣·*]\s*")
SIDEBAR_TITLES = {"psg aims", "historical overview", "human rights", "why join the psg"}
BOILERPLATE = {
    "all news",
    "become a member",
    "keep up to date with latest news and developments in peru",
    "learn about key issues of poverty development and human rights in peru",
    "support the work of the peru support group",
}


# The chrome's lines are short: longer paragraphs are content, whatever they
# say, and are not normalised to be compared (that is most of the parsing).
CHROME_LENGTH = 200


def _chrome_key(text):
    """The key a paragraph is compared with the site's chrome by ("" for
    paragraphs too long to be chrome)."""
    return normalise_title(text) if len(text) <= CHROME_LENGTH else ""


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
        key = _chrome_key(paragraph.text)
        if key == "all news" and not paragraph.bullet:
            return paragraphs[:index], True
        if paragraph.bullet and key in SIDEBAR_TITLES:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is None or not parse_date_line(following.text):
                return paragraphs[:index], True
    return paragraphs, False


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
    content = [p for p in kept if _chrome_key(p.text) not in BOILERPLATE]
    if not content:
        if has_footer:
            raise UnreadableExport("no content: only the site's sidebar")
        raise UnreadableExport("no text found")
    legacy_paths = list(dict.fromkeys(legacy_paths))

    first = fold(content[0].text)
    if not content[0].bullet and "latest publications" in first:
        return parse_publications(content[1:], has_footer)
    if looks_like_article(content):
        return parse_article(content, has_footer, legacy_paths)
    if any(paragraph.bullet for paragraph in content):
        parsed = parse_news_listing(content, has_footer)
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
    if looks_like_undated_article(content, has_footer, legacy_paths):
        return parse_article(content, has_footer, legacy_paths)
    raise UnreadableExport(
        "not a legacy export: no date line near the top, no bulleted items, and "
        "neither the site's sidebar nor an article address to show it is an "
        "article page"
    )
