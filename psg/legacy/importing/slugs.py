"""Slugs for the pages and series the importer creates."""

from django.utils.text import slugify

from psg.core.text import fold

SLUG_LENGTH = 80


def base_slug(text, fallback):
    """The slug ``text`` would have with no rival: cut at a word to at most
    SLUG_LENGTH characters; ``fallback`` stands in for text with no letters."""
    base = slugify(fold(text)) or fallback
    if len(base) > SLUG_LENGTH:
        base = base[:SLUG_LENGTH].rsplit("-", 1)[0]
    return base


def free_slug(base, taken):
    """``base``, or ``base``-2, -3… whichever ``taken`` (a set) lacks."""
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def unique_slug(text, rivals, fallback):
    """A slug for ``text`` that none of ``rivals`` has: -2, -3… on clashes.

    ``rivals`` is a queryset of what the slug must differ from (a parent's
    children, every series).
    """
    base = base_slug(text, fallback)
    taken = set(rivals.filter(slug__startswith=base).values_list("slug", flat=True))
    return free_slug(base, taken)


def unique_slug_among(text, taken, fallback):
    """A slug for ``text`` not in ``taken`` (a set of slugs), added to it."""
    slug = free_slug(base_slug(text, fallback), taken)
    taken.add(slug)
    return slug
