"""Turning the old ``name_es`` fields into Spanish translations.

Used by migration 0005 and tested directly: every region and topic gets a
Spanish version (same translation key, ``es`` locale) named by its old
``name_es``, or by its English name where it had none, with a Spanish slug.
Nothing the English term had is lost or changed.
"""

from django.utils.text import slugify


def spanish_slug(name, fallback, taken):
    """A slug from the Spanish ``name``, else ``fallback``; never one of
    ``taken`` (the Spanish slugs given so far), which it joins."""
    slug = slugify(name)[:100] or fallback
    if slug in taken:
        slug = fallback
    base, number = slug, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def create_spanish_terms(model, english, spanish, extra_fields=()):
    """A Spanish translation, in locale ``spanish``, of each term of ``model``
    in locale ``english`` that has none yet; ``name_es`` becomes its name.

    ``extra_fields`` are copied as they are (a region's capital). Returns the
    number created. Safe to run twice.
    """
    existing = model.objects.filter(locale=spanish)
    translated = set(existing.values_list("translation_key", flat=True))
    taken = set(existing.values_list("slug", flat=True))
    created = 0
    for term in model.objects.filter(locale=english).order_by("pk"):
        if term.translation_key in translated:
            continue
        name = term.name_es.strip() or term.name
        model.objects.create(
            translation_key=term.translation_key,
            locale=spanish,
            name=name,
            name_es=term.name_es,
            slug=spanish_slug(name, term.slug, taken),
            aliases=term.aliases,
            description=term.description,
            **{field: getattr(term, field) for field in extra_fields},
        )
        created += 1
    return created
