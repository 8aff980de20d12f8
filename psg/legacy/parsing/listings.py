"""News listings and the publications listing: one item per bullet.

Older listings put the date line above the title, bulleted or not, or give a
bulletin prefix; docs/legacy-import.md lists the forms understood.
"""

from .common import Problem, UnreadableExport, clean_title, ends_sentence
from .dates import DAY, parse_date_line, summary_date, title_date
from .items import NewsItem, ParsedExport, PublicationItem, Shape, apply_date


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


def parse_news_listing(content, has_footer):
    """The news items of a listing: title, date line and teaser per bullet."""
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
            listing_text=[paragraph.text for paragraph in text],
        )
        where = f'line {title.line} ("{item.title}")'
        if dated:
            apply_date(item, *dated, parsed.problems)
        else:
            parsed.problems.append(
                Problem(where, "no date line: imported without a date")
            )
        if not item.listing_text:
            parsed.problems.append(Problem(where, "the item has no text: skipped"))
            continue
        last = position == len(groups) - 1
        if last and not has_footer and not ends_sentence(item.listing_text[-1]):
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


def parse_publications(content, has_footer):
    """The publications listing: title and summary paragraphs per bullet."""
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
        if last and not has_footer and not ends_sentence(paragraphs[-1]):
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
