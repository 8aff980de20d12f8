"""Reading a listing's filters from the address (/news/?region=puno&year=2024,
/search/?kind=news…): each value is checked against what the site knows, and
one it does not know is left out with a notice for the reader, never an
error. Nothing a visitor types reaches the database."""

from collections.abc import Callable, Container
from dataclasses import dataclass

from django.utils.text import Truncator

from . import structure
from .locales import active_language
from .text import fold


def by_slug(model, locale_id=None):
    """Every term of ``model`` (a translatable snippet) by slug, in
    alphabetical order (Áncash first), in the locale ``locale_id`` or else the
    active language's: one query, kept by the worker until the terms change
    (psg.core.structure). The terms are shared: read them, never change them."""

    def read():
        if locale_id is None:
            terms = model.objects.filter(locale__language_code=language)
        else:
            terms = model.objects.filter(locale_id=locale_id)
        terms = terms.only("pk", "slug", "name")
        return {term.slug: term for term in sorted(terms, key=lambda t: fold(t.name))}

    language = active_language() if locale_id is None else None
    return structure.kept(
        ("by-slug", model._meta.label_lower, locale_id, language), read
    )


@dataclass
class Param:
    """One filter of the address: its ``name``, the values it accepts (a
    container, or a test of a value) and the notice for any other value
    (with ``%(value)s``)."""

    name: str
    accepts: Container | Callable[[str], bool]
    message: str

    def accepted(self, value):
        if callable(self.accepts):
            return self.accepts(value)
        return value in self.accepts


def read_params(params, fields):
    """({name: value} of the accepted values, [notices for the others]) of
    ``params`` (a QueryDict) for ``fields`` (``Param``), in their order."""
    values, notices = {}, []
    for field in fields:
        value = params.get(field.name, "").strip()
        if not value:
            continue
        if field.accepted(value):
            values[field.name] = value
        else:
            notices.append(field.message % {"value": Truncator(value).chars(40)})
    return values, notices
