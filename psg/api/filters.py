"""The query parameters of the news, publications and events listings.

Every parameter is checked before anything reaches the database: slugs and
kinds against the site's own lists (one query per vocabulary used), dates and
numbers by their format. A value that does not pass gives a 400 naming the
parameter (see ``errors``), never an empty list that looks like "no results"
and never a 500. Each filter also describes itself as an OpenAPI parameter
(``openapi``), which ``psg.api.schema`` puts in the API description, so the
description cannot drift from what the filters accept.
"""

import datetime
import re

import django_filters
from django_filters.rest_framework import DjangoFilterBackend

from django import forms
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from psg.events.models import EventPage
from psg.news.models import NewsPage
from psg.publications.models import PublicationPage
from psg.taxonomy.models import Region, Series, Topic

MAX_VALUES = 50
FIRST_YEAR, LAST_YEAR = 1900, 2100
ISO_DATE = "%Y-%m-%d"
# "+01:00" arrives as " 01:00" when a client leaves the "+" unescaped.
UNESCAPED_OFFSET = re.compile(r" (\d{2}(?::?\d{2})?)$")


def quoted(values):
    return ", ".join(f"“{value}”" for value in values)


# Fields ---------------------------------------------------------------------


class ListWidget(forms.Widget):
    """Reads a parameter given several times, or once with commas, or both."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            raw = data.getlist(name)
        else:
            raw = [data[name]] if name in data else []
        values = []
        for item in raw:
            values.extend(part.strip() for part in str(item).split(","))
        return [value for value in values if value]

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class AnyOfField(forms.Field):
    """A list of known values (slugs or kinds); cleans to their keys.

    ``vocabulary`` is a callable giving {value: key}, called only when the
    parameter is given; ``unknown`` makes the ValidationError for values not in
    it. What the client sent goes in the error's params, never in its message
    template (a "%" in it must not be read as a placeholder).
    """

    widget = ListWidget

    def __init__(self, *, vocabulary, unknown, **kwargs):
        self.vocabulary = vocabulary
        self.unknown = unknown
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return list(dict.fromkeys(value))  # once each, in the order given

    def clean(self, value):
        values = self.to_python(value)
        if not values:
            return []
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(
                _("Give at most %(count)s values."),
                code="too_many",
                params={"count": MAX_VALUES},
            )
        known = self.vocabulary()
        unknown = [value for value in values if value not in known]
        if unknown:
            raise self.unknown(quoted(unknown))
        return [known[value] for value in values]


class UpdatedSinceField(forms.Field):
    """An ISO 8601 date and time; without an offset it is UK time."""

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        value = UNESCAPED_OFFSET.sub(r"+\1", value)
        try:
            moment = parse_datetime(value)
        except ValueError:
            moment = None
        if moment is None:
            raise forms.ValidationError(
                _(
                    "Give a date and time in ISO 8601, such as "
                    "2024-05-01T09:30:00Z or 2024-05-01T10:30:00+01:00."
                ),
                code="invalid",
            )
        try:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            # Asked in UTC: PostgreSQL refuses offsets past ±16 hours, and a
            # moment with no UTC year (before 1 or after 9999) cannot be asked.
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError(
                _("That date and time is out of range."), code="out_of_range"
            ) from None


class FilterForm(forms.Form):
    """Checks that a date range runs forwards."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to",
                forms.ValidationError(
                    _("date_to (%(end)s) is before date_from (%(start)s)."),
                    code="range",
                    params={"end": end.isoformat(), "start": start.isoformat()},
                ),
            )
        return cleaned


# Filters --------------------------------------------------------------------


def query_parameter(name, description, schema, **extra):
    return {
        "in": "query",
        "name": name,
        "required": False,
        "description": str(description),
        "schema": schema,
        **extra,
    }


def list_parameter(name, description, items):
    return query_parameter(
        name,
        description,
        {"type": "array", "items": items, "maxItems": MAX_VALUES},
        style="form",
        explode=True,
    )


class TermFilter(django_filters.Filter):
    """Any of the given regions or topics (slugs), through the pages' field."""

    field_class = AnyOfField

    def __init__(self, field_name, *, term_model, list_name, description, **kwargs):
        self.term_model = term_model
        self.list_name = list_name
        self.description = description
        super().__init__(
            field_name=field_name,
            vocabulary=self.slugs,
            unknown=self.unknown_message,
            **kwargs,
        )

    def slugs(self):
        terms = self.term_model.objects.in_language().order_by()
        return dict(terms.values_list("slug", "pk"))

    def unknown_message(self, values):
        return forms.ValidationError(
            _(
                "Unknown %(noun)s: %(values)s. The slugs are listed at "
                "/api/v1/%(list)s/."
            ),
            code="unknown",
            params={
                "noun": self.term_model._meta.verbose_name,
                "values": values,
                "list": self.list_name,
            },
        )

    def filter(self, qs, value):
        if not value:
            return qs
        field = qs.model._meta.get_field(self.field_name)
        through = field.remote_field.through
        pages = through.objects.filter(
            **{f"{field.m2m_reverse_field_name()}__in": value}
        ).values(field.m2m_field_name())
        return qs.filter(pk__in=pages)

    def openapi(self, name):
        return list_parameter(
            name, self.description, {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}
        )


class SeriesFilter(TermFilter):
    """Any of the given series (slugs); a news item is in one series at most."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


class KindFilter(django_filters.Filter):
    """Any of the given kinds (the model's ``Kind`` choices); ``noun`` names
    what they are kinds of, in the description."""

    field_class = AnyOfField

    def __init__(self, field_name, *, choices, noun, **kwargs):
        self.choices = choices
        self.description = format_lazy(
            _(
                "Kinds of {noun}: any of them. Repeat the parameter or separate "
                "kinds with commas."
            ),
            noun=noun,
        )
        super().__init__(
            field_name=field_name,
            vocabulary=lambda: {value: value for value in choices.values},
            unknown=self.unknown_message,
            **kwargs,
        )

    def unknown_message(self, values):
        return forms.ValidationError(
            _("Unknown kind: %(values)s. Choose from: %(kinds)s."),
            code="unknown",
            params={"values": values, "kinds": ", ".join(self.choices.values)},
        )

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})

    def openapi(self, name):
        return list_parameter(
            name, self.description, {"type": "string", "enum": self.choices.values}
        )


class IsoDateFilter(django_filters.DateFilter):
    def __init__(self, field_name, lookup_expr, *, description, **kwargs):
        self.description = description
        super().__init__(
            field_name=field_name,
            lookup_expr=lookup_expr,
            input_formats=[ISO_DATE],
            error_messages={
                "invalid": _("Give a date as YYYY-MM-DD, such as 2024-05-01.")
            },
            **kwargs,
        )

    def openapi(self, name):
        return query_parameter(
            name, self.description, {"type": "string", "format": "date"}
        )


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, field_name, *, description, **kwargs):
        self.description = description
        message = format_lazy(
            _("Give a year from {first} to {last}."), first=FIRST_YEAR, last=LAST_YEAR
        )
        super().__init__(
            field_name=field_name,
            lookup_expr="year",
            min_value=FIRST_YEAR,
            max_value=LAST_YEAR,
            error_messages={
                "invalid": message,
                "min_value": message,
                "max_value": message,
            },
            **kwargs,
        )

    def openapi(self, name):
        return query_parameter(
            name,
            self.description,
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
        )


class UpdatedSinceFilter(django_filters.Filter):
    field_class = UpdatedSinceField

    def __init__(self, *, description, **kwargs):
        self.description = description
        super().__init__(field_name="last_published_at", lookup_expr="gte", **kwargs)

    def openapi(self, name):
        return query_parameter(
            name, self.description, {"type": "string", "format": "date-time"}
        )


class OrderingFilter(django_filters.ChoiceFilter):
    """One of a listing's named orders (the first is the default); each breaks
    ties by page id so that pages of results never overlap."""

    def __init__(self, orders, **kwargs):
        self.orders = orders
        super().__init__(
            choices=[(name, name) for name in orders],
            empty_label=None,
            error_messages={
                "invalid_choice": format_lazy(
                    _("Unknown ordering. Choose from: {names}."),
                    names=", ".join(orders),
                )
            },
            **kwargs,
        )

    @property
    def default(self):
        return next(iter(self.orders))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*self.orders[value])

    def openapi(self, name):
        return query_parameter(
            name,
            format_lazy(
                _("The order of the list; the default, {default}, is latest first."),
                default=self.default,
            ),
            {"type": "string", "enum": list(self.orders), "default": self.default},
        )


def orders(date_field):
    """Newest first by ``date_field`` (the default), oldest first, and by when
    the pages were last published, either way. Undated items come last."""
    return {
        f"-{date_field}": (F(date_field).desc(nulls_last=True), "-pk"),
        date_field: (F(date_field).asc(nulls_last=True), "pk"),
        "-last_published_at": (F("last_published_at").desc(nulls_last=True), "-pk"),
        "last_published_at": (F("last_published_at").asc(nulls_last=True), "pk"),
    }


def dated_filters(field_name, lookup_prefix, what):
    """date_from, date_to and year on ``field_name``; ``what`` says how."""
    return (
        IsoDateFilter(
            field_name,
            f"{lookup_prefix}gte",
            description=format_lazy(
                _("Only items {what} on or after this date (YYYY-MM-DD)."), what=what
            ),
        ),
        IsoDateFilter(
            field_name,
            f"{lookup_prefix}lte",
            description=format_lazy(
                _("Only items {what} on or before this date (YYYY-MM-DD)."), what=what
            ),
        ),
        YearFilter(
            field_name,
            description=format_lazy(_("Only items {what} in this year."), what=what),
        ),
    )


# Filter sets ----------------------------------------------------------------


class PageFilterSet(django_filters.FilterSet):
    """What the three listings share."""

    region = TermFilter(
        "regions",
        term_model=Region,
        list_name="regions",
        description=_(
            "Region slugs (from /api/v1/regions/): items about any of them. "
            "Repeat the parameter or separate slugs with commas: "
            "region=puno,cusco."
        ),
    )
    topic = TermFilter(
        "topics",
        term_model=Topic,
        list_name="topics",
        description=_(
            "Topic slugs (from /api/v1/topics/): items about any of them. "
            "Repeat the parameter or separate slugs with commas."
        ),
    )
    updated_since = UpdatedSinceFilter(
        description=_(
            "Only items published or republished at or after this moment "
            "(ISO 8601; without an offset, UK time). For incremental syncs: "
            "the time of the last sync, with ordering=last_published_at."
        )
    )

    class Meta:
        form = FilterForm
        fields = []

    @classmethod
    def default_order(cls):
        """The ``order_by`` arguments of the listing's default order."""
        ordering = cls.base_filters["ordering"]
        return ordering.orders[ordering.default]

    @classmethod
    def openapi_parameters(cls):
        return [filter_.openapi(name) for name, filter_ in cls.base_filters.items()]


class NewsFilterSet(PageFilterSet):
    series = SeriesFilter(
        "series",
        term_model=Series,
        list_name="series",
        description=_(
            "Series slugs (from /api/v1/series/): items in any of them. Repeat "
            "the parameter or separate slugs with commas."
        ),
    )
    kind = KindFilter("kind", choices=NewsPage.Kind, noun=_("news item"))
    date_from, date_to, year = dated_filters(
        NewsPage.page_kind.date_field, "", _("dated")
    )
    ordering = OrderingFilter(orders(NewsPage.page_kind.date_field))

    class Meta(PageFilterSet.Meta):
        model = NewsPage


class PublicationFilterSet(PageFilterSet):
    kind = KindFilter("kind", choices=PublicationPage.Kind, noun=_("publication"))
    date_from, date_to, year = dated_filters(
        PublicationPage.page_kind.date_field, "", _("dated")
    )
    ordering = OrderingFilter(orders(PublicationPage.page_kind.date_field))

    class Meta(PageFilterSet.Meta):
        model = PublicationPage


class EventFilterSet(PageFilterSet):
    # Dated by a moment: filtered by its UK day.
    date_from, date_to, year = dated_filters(
        EventPage.page_kind.date_field, "date__", _("starting (by the UK date)")
    )
    ordering = OrderingFilter(orders(EventPage.page_kind.date_field))

    class Meta(PageFilterSet.Meta):
        model = EventPage


class ListingFilterBackend(DjangoFilterBackend):
    """django-filter's backend; its parameters are described by the filters
    themselves (see ``psg.api.schema``)."""
