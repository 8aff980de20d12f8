"""What the feeds and the page metadata both read from a page, written once so
they say the same things: when an item is dated, its regions and topics, its
authors and its PDF files (docs/feeds-and-metadata.md)."""

import datetime

from psg.core.models import DatePrecision

# The time of day given to items dated by day, month or year only.
DATE_ONLY_TIME = datetime.time(12, 0, tzinfo=datetime.UTC)


def item_moment(page):
    """When an item is dated, as an aware datetime, for feeds and article tags.

    Its own date (the first of the month or year when only that is known) at
    noon UTC, so it falls on the same day for every reader; an undated item
    falls back on when it was first published.
    """
    date = getattr(page, "date", None)
    if date:
        precision = getattr(page, "date_precision", DatePrecision.DAY)
        if precision == DatePrecision.MONTH:
            date = date.replace(day=1)
        elif precision == DatePrecision.YEAR:
            date = date.replace(month=1, day=1)
        return datetime.datetime.combine(date, DATE_ONLY_TIME)
    return (
        page.first_published_at
        or page.last_published_at
        or page.latest_revision_created_at
    )


def terms(page):
    """The page's regions and topics as the database orders them (by name),
    read once per page object: the terms list, the sharing tags and the
    JSON-LD all ask."""
    cached = getattr(page, "_psg_terms", None)
    if cached is None:
        regions = list(page.regions.all()) if hasattr(page, "regions") else []
        topics = list(page.topics.all()) if hasattr(page, "topics") else []
        cached = page._psg_terms = (regions, topics)
    return cached


def regions_and_topics(page):
    """The page's regions and topics, each list in name order (may be empty)."""
    regions, topics = terms(page)
    return (
        sorted(regions, key=lambda term: term.name),
        sorted(topics, key=lambda term: term.name),
    )


def authors(page):
    """A news item's authors as the database orders them, read once per page
    object (the byline and the JSON-LD both show them)."""
    if not hasattr(page, "authors"):
        return []
    cached = getattr(page, "_psg_authors", None)
    if cached is None:
        cached = page._psg_authors = list(page.authors.all())
    return cached


def author_names(page):
    """The names of a news item's authors, in name order."""
    return sorted(author.name for author in authors(page))


def pdf_files(page):
    """A publication's PDF files in the editor's order: ``PublicationFile`` rows."""
    if not hasattr(page, "files"):
        return []
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    if "files" in prefetched or page.pk is None:
        files = page.files.all()
    else:
        files = page.files.select_related("document")
    return [item for item in files if item.document.file_extension.lower() == "pdf"]


def document_size(document):
    """The file's size in bytes; 0 when the storage cannot tell."""
    if document.file_size:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return 0
