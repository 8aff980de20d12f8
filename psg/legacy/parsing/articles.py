"""An article page: title and date line (either way round), then the body."""

from .common import UnreadableExport, clean_title, ends_sentence
from .dates import parse_date_line
from .items import NewsItem, ParsedExport, Shape, apply_date


def looks_like_article(content):
    """A title and a date line (either way round), neither of them bulleted."""
    if len(content) < 2 or content[0].bullet or content[1].bullet:
        return False
    first = parse_date_line(content[0].text)
    return bool(parse_date_line(content[1].text) or (first and first.understood))


def parse_article(content, has_footer, legacy_paths):
    """One news item from an article page's paragraphs (the site's chrome gone)."""
    first, second = parse_date_line(content[0].text), parse_date_line(content[1].text)
    if second is not None and (second.understood or not (first and first.understood)):
        title, date_line = content[0], (content[1], second)
    else:
        title, date_line = content[1], (content[0], first)
    body = [paragraph.text for paragraph in content[2:]]
    if not body:
        raise UnreadableExport("truncated: the article stops after its date line")
    if not has_footer and not ends_sentence(body[-1]):
        raise UnreadableExport(
            "truncated: the text stops mid-sentence and the site's sidebar is missing"
        )
    item = NewsItem(title=clean_title(title.text), body=body)
    item.legacy_paths = legacy_paths
    parsed = ParsedExport(Shape.ARTICLE, news=[item])
    apply_date(item, *date_line, parsed.problems)
    return parsed
