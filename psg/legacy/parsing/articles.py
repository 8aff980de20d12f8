"""An article page: title and date line (either way round), then the body.

Some archive articles have no date line at all: they are read as a title and
a body, and imported without a date, as listings' undated items are.
"""

from .common import Problem, UnreadableExport, clean_title, ends_sentence
from .dates import parse_date_line
from .items import NewsItem, ParsedExport, Shape, apply_date

# A title is a line, not a paragraph: longer text, or text ending as a
# sentence does, is not taken for one.
TITLE_MAX = 200


def looks_like_article(content):
    """A title and a date line (either way round), neither of them bulleted."""
    if len(content) < 2 or content[0].bullet or content[1].bullet:
        return False
    first = parse_date_line(content[0].text)
    return bool(parse_date_line(content[1].text) or (first and first.understood))


def looks_like_undated_article(content, has_footer, legacy_paths):
    """A title and a body with no date line, on a page that shows it was an
    article: the site's footer or sidebar after it, or a legacy article
    address in its name or header. A letter or a note with neither is not."""
    if len(content) < 2 or any(paragraph.bullet for paragraph in content):
        return False
    title = content[0].text
    looks_like_title = len(title) <= TITLE_MAX and title.rstrip()[-1:] not in ".,;:"
    return looks_like_title and (has_footer or bool(legacy_paths))


def parse_article(content, has_footer, legacy_paths):
    """One news item from an article page's paragraphs (the site's chrome gone)."""
    first, second = parse_date_line(content[0].text), parse_date_line(content[1].text)
    if first is None and second is None:
        title, date_line = content[0], None
    elif second is not None and (second.understood or not (first and first.understood)):
        title, date_line = content[0], (content[1], second)
    else:
        title, date_line = content[1], (content[0], first)
    body = [paragraph.text for paragraph in content[1 if date_line is None else 2 :]]
    if not body:
        raise UnreadableExport("truncated: the article stops after its date line")
    if not has_footer and not ends_sentence(body[-1]):
        raise UnreadableExport(
            "truncated: the text stops mid-sentence and the site's sidebar is missing"
        )
    item = NewsItem(title=clean_title(title.text), body=body)
    item.legacy_paths = legacy_paths
    parsed = ParsedExport(Shape.ARTICLE, news=[item])
    if date_line is None:
        parsed.problems.append(
            Problem(
                f'line {title.line} ("{item.title}")',
                "no date line: imported without a date",
            )
        )
    else:
        apply_date(item, *date_line, parsed.problems)
    return parsed
