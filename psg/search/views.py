"""/search/: the site search, a GET form anyone can bookmark or cache.

/search/?q=consulta+previa&kind=news&region=puno&topic=mining&year=2024&sort=date&page=2
Every parameter is optional and checked here: an unknown region, topic, kind,
year or sort is left out with a notice, never an error.
"""

import datetime
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from psg.core.query_filters import Param, by_slug, read_params
from psg.taxonomy.models import Region, Topic

from . import engine
from .query import MAX_QUERY_LENGTH, MAX_TERMS, parse_query

FIRST_YEAR = 1980
SORT_CHOICES = [
    (engine.Sort.RELEVANCE, _("Best match")),
    (engine.Sort.DATE, _("Newest first")),
]


class SearchRequest:
    """What one request asks for: the query, the filters and the sort."""

    def __init__(self, params):
        self.raw_query = params.get("q", "")
        self.query = parse_query(self.raw_query)
        self.regions = by_slug(Region)
        self.topics = by_slug(Topic)
        this_year = datetime.date.today().year
        self.years = [str(year) for year in range(this_year + 1, FIRST_YEAR - 1, -1)]
        self.kinds = dict(engine.kind_choices())
        self.sorts = dict(SORT_CHOICES)
        self.values, self.notices = read_params(
            params,
            [
                Param(
                    "kind",
                    self.kinds,
                    _("There is no kind “%(value)s”, so it was left out."),
                ),
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
                    "year", self.years, _("“%(value)s” is not a year we can search.")
                ),
                Param("sort", self.sorts, _("“%(value)s” is no way of sorting.")),
            ],
        )
        self.page_number = params.get("page", "1")

    @property
    def sort(self):
        return self.values.get("sort", engine.Sort.RELEVANCE)

    @property
    def filters(self):
        values = self.values
        return engine.Filters(
            kind=values.get("kind", ""),
            region=self.regions.get(values.get("region")),
            topic=self.topics.get(values.get("topic")),
            year=int(values["year"]) if "year" in values else None,
        )

    @property
    def has_filters(self):
        return any(name in self.values for name in ("kind", "region", "topic", "year"))

    def url_query(self, **changes):
        """This request's parameters as a query string, with ``changes``."""
        params = {"q": self.query.text, **self.values, **changes}
        return urlencode([(name, value) for name, value in params.items() if value])

    @property
    def url_query_without_filters(self):
        return self.url_query(kind="", region="", topic="", year="")

    def selects(self):
        """The filter form's selects, in order, with their options."""
        options = {
            "kind": list(self.kinds.items()),
            "region": [(slug, term.name) for slug, term in self.regions.items()],
            "topic": [(slug, term.name) for slug, term in self.topics.items()],
            "year": [(year, year) for year in self.years],
            "sort": list(self.sorts.items()),
        }
        fields = [
            ("kind", _("Kind"), _("Everything")),
            ("region", _("Region"), _("All regions")),
            ("topic", _("Topic"), _("All topics")),
            ("year", _("Year"), _("All years")),
            ("sort", _("Sort by"), None),
        ]
        return [
            {
                "name": name,
                "label": label,
                "all_label": all_label,
                "choices": options[name],
                "selected": self.values.get(name, ""),
            }
            for name, label, all_label in fields
        ]


def search(request):
    """The search form, and the results of the query in the address."""
    wanted = SearchRequest(request.GET)
    query = wanted.query
    notices = list(wanted.notices)
    if query.truncated:
        notices.append(
            _("Your search was cut to its first %(count)d characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    if query.too_many_words:
        notices.append(
            _("Only the first %(count)d words and phrases were used.")
            % {"count": MAX_TERMS}
        )
    if query.ignored_operators:
        notices.append(
            _(
                "Words such as AND, OR and NOT are not needed and were left out: "
                "every word you type must appear in the results."
            )
        )
    results = engine.search(
        query, wanted.filters, sort=wanted.sort, page_number=wanted.page_number
    )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search": wanted,
            "query": query,
            "typed": bool(wanted.raw_query.strip()),
            "results": results,
            "notices": notices,
            "page_query": wanted.url_query(),
        },
    )
