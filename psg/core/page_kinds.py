"""The kinds of page readers find in listings and search, declared by the
page types themselves.

A page type that is listed or searched sets ``page_kind = PageKind(...)`` on
its model. Taxonomy, search, the feeds, the API and the bulletin read the
kinds from here instead of importing the page apps, so a new kind of page is
declared in one place (docs/architecture.md).
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import models
from django.db.models import DateField, F
from django.db.models.functions import Coalesce, TruncDate


@dataclass(frozen=True)
class PageKind:
    """What the site needs to know of a kind of page.

    ``name`` is the kind's value in ``?kind=`` and the name of the
    component a listing shows it with; ``label`` names one item ("Event"),
    ``plural`` the kind ("Events"); ``order`` places it among the kinds.
    ``date_field`` is the field it is dated, filtered and sorted by (none for
    undated pages); ``result_fields`` are the fields a search result shows
    besides its title and link; ``tagged`` kinds carry regions and topics and
    are listed on their pages.
    """

    name: str
    label: str
    plural: str
    order: int
    date_field: str = ""
    result_fields: tuple = ()
    tagged: bool = True


@cache
def _declared():
    found = [
        model
        for model in apps.get_models()
        if isinstance(model.__dict__.get("page_kind"), PageKind)
    ]
    return tuple(sorted(found, key=lambda model: model.page_kind.order))


def kind_models(*, tagged=None, dated=None):
    """The page models that declare a kind, in the kinds' order; only those
    carrying regions and topics with ``tagged=True``, only dated ones with
    ``dated=True``."""
    return [
        model
        for model in _declared()
        if (tagged is None or model.page_kind.tagged == tagged)
        and (dated is None or bool(model.page_kind.date_field) == dated)
    ]


def item_models():
    """The kinds of item: dated pages carrying regions and topics (news,
    publications, events), which region and topic pages and editions list."""
    return kind_models(tagged=True)


def model_for(name):
    """The page model of the kind called ``name``, or None."""
    for model in _declared():
        if model.page_kind.name == name:
            return model
    return None


def is_datetime(model):
    """Whether ``model``'s kind is dated by a moment (an event's start)
    rather than a day."""
    field = model._meta.get_field(model.page_kind.date_field)
    return isinstance(field, models.DateTimeField)


def item_date(models_):
    """An expression on ``Page`` rows: the day each item is dated by, the UK
    day of a moment, None for pages of other kinds or without a date."""
    parts = []
    for model in models_:
        path = f"{model._meta.model_name}__{model.page_kind.date_field}"
        parts.append(TruncDate(path) if is_datetime(model) else F(path))
    if len(parts) == 1:
        parts.append(models.Value(None, output_field=DateField()))
    return Coalesce(*parts, output_field=DateField())
