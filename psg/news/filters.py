"""The news index's filters, read from the address: region, topic, series,
kind and year, in any combination.

/news/?region=cajamarca&topic=mining&year=2024&kind=letter&series=… narrows
the list; a value the site does not know is left out with a notice for the
reader, never an error. Values are checked against lists loaded here (one
query per vocabulary), so nothing a visitor types reaches the database.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from psg.core import structure
from psg.core.query_filters import Param, by_slug, read_params
from psg.taxonomy.models import Region, Series, Topic

YEAR = re.compile(r"[0-9]{4}")
FIRST_YEAR, LAST_YEAR = 1900, 2100


def is_year(value):
    return bool(YEAR.fullmatch(value)) and FIRST_YEAR <= int(value) <= LAST_YEAR


@dataclass
class ActiveFilter:
    """A filter in use, as the reader sees it, with the address without it."""

    name: str
    label: str
    display: str
    remove_url: str


@dataclass
class Choice:
    value: str
    label: str


class NewsFilters:
    """The filters of one request to the news index.

    ``values`` holds the filters in use (name -> value as in the address),
    ``notices`` what was left out and why, and the ``*_choices`` the options
    of the form's selects.
    """

    names = ("region", "topic", "series", "kind", "year")

    def __init__(self, params, index, kinds):
        """``kinds``: {value: label} of the kinds of news item."""
        self.index_url = index.url
        self.regions = by_slug(Region, index.locale_id)
        self.topics = by_slug(Topic, index.locale_id)
        self.series = by_slug(Series, index.locale_id)
        self.kinds = kinds
        self.years = structure.kept(
            ("news-years", index.pk),
            lambda: [
                str(day.year)
                for day in index.news_items().dates("date", "year", "DESC")
            ],
        )
        self.values, self.notices = read_params(
            params,
            [
                Param(
                    "region",
                    self.regions,
                    _("There is no region “%(value)s”, so it was left out."),
                ),
                Param(
                    "topic",
                    self.topics,
                    _("There is no topic “%(value)s”, so it was left out."),
                ),
                Param(
                    "series",
                    self.series,
                    _("There is no series “%(value)s”, so it was left out."),
                ),
                Param(
                    "kind",
                    self.kinds,
                    _("There is no kind of news “%(value)s”, so it was left out."),
                ),
                Param(
                    "year",
                    is_year,
                    _("“%(value)s” is not a year, so the year was left out."),
                ),
            ],
        )

    def apply(self, queryset):
        """``queryset`` narrowed by every filter in use."""
        values = self.values
        if "region" in values:
            queryset = queryset.filter(regions=self.regions[values["region"]].pk)
        if "topic" in values:
            queryset = queryset.filter(topics=self.topics[values["topic"]].pk)
        if "series" in values:
            queryset = queryset.filter(series=self.series[values["series"]].pk)
        if "kind" in values:
            queryset = queryset.filter(kind=values["kind"])
        if "year" in values:
            queryset = queryset.filter(date__year=int(values["year"]))
        return queryset

    def query(self, without=None):
        """The filters in use as a query string, less the one named ``without``."""
        return urlencode(
            [(name, value) for name, value in self.values.items() if name != without]
        )

    @property
    def is_active(self):
        return bool(self.values)

    @property
    def query_prefix(self):
        """What pagination links put before ``page=`` to keep the filters."""
        query = self.query()
        return f"{query}&" if query else ""

    def url(self, without=None):
        query = self.query(without)
        return f"{self.index_url}?{query}" if query else self.index_url

    @property
    def active(self):
        """The filters in use, in the order of the form, for the reader."""
        labels = {
            "region": _("Region"),
            "topic": _("Topic"),
            "series": _("Series"),
            "kind": _("Kind"),
            "year": _("Year"),
        }
        return [
            ActiveFilter(name, labels[name], self.display(name, value), self.url(name))
            for name, value in self.values.items()
        ]

    def display(self, name, value):
        """How the reader knows a filter's value: "Cajamarca", "Letter"."""
        if name == "year":
            return value
        if name == "kind":
            return self.kinds[value]
        terms = {"region": self.regions, "topic": self.topics, "series": self.series}
        return terms[name][value].name

    def choices(self, name):
        """The options of the select for ``name`` (the empty "all" comes first
        in the template)."""
        if name == "year":
            years = list(self.years)
            chosen = self.values.get("year")
            if chosen and chosen not in years:
                years = sorted([*years, chosen], reverse=True)
            return [Choice(year, year) for year in years]
        if name == "kind":
            return [Choice(value, label) for value, label in self.kinds.items()]
        terms = {"region": self.regions, "topic": self.topics, "series": self.series}
        return [Choice(slug, term.name) for slug, term in terms[name].items()]

    def selects(self):
        """The form's selects: name, label, "all" label, options, selection."""
        fields = [
            ("region", _("Region"), _("All regions")),
            ("topic", _("Topic"), _("All topics")),
            ("series", _("Series"), _("All series")),
            ("kind", _("Kind"), _("All kinds")),
            ("year", _("Year"), _("All years")),
        ]
        return [
            {
                "name": name,
                "label": label,
                "all_label": all_label,
                "choices": self.choices(name),
                "selected": self.values.get(name, ""),
            }
            for name, label, all_label in fields
        ]
