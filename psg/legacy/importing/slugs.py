"""Slugs for the pages and series the importer creates."""

from django.utils.text import slugify

from psg.core.text import fold

SLUG_LENGTH = 80


def unique_slug(text, rivals, fallback):
    """A slug for ``text`` that none of ``rivals`` has: -2, -3… on clashes.

    ``rivals`` is a queryset of what the slug must differ from (a parent's
    children, every series); ``fallback`` stands in for text with no letters.
    The slug is cut at a word to at most SLUG_LENGTH characters.
    """
    base = slugify(fold(text)) or fallback
    if len(base) > SLUG_LENGTH:
        base = base[:SLUG_LENGTH].rsplit("-", 1)[0]
    taken = set(rivals.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
