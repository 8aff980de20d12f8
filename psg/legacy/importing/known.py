"""What the database already holds for a batch of items, fetched at once.

Before a batch is imported, ``Known.prefetch`` reads every record the batch's
items may match, their pages with their regions and topics, and the
redirects of their legacy addresses, in a few queries; the importers then look
them up in memory and add what they create, so a second run over the same
files reads the database a few times a batch instead of a dozen times an item.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from psg.core.site_structure import get_or_create_section
from psg.legacy.models import LegacyItem
from psg.taxonomy.models import Series

from .items import item_key, normalised

# SQLite's limit on a query's parameters is far above this.
CHUNK = 500
TERMS = ("regions", "topics")


def chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class Known:
    """Records, pages, redirects, slugs and series, looked up in memory."""

    def __init__(self):
        self.clear()

    def clear(self):
        """Forget everything (after a batch is rolled back, say)."""
        self.sections = {}
        self.slugs = {}
        self.series = None
        self.start_batch()

    def start_batch(self):
        """Forget the last batch's records, pages and redirects (memory stays
        flat); slugs, series and sections are kept for the whole run."""
        self.records = {}
        self.titled = defaultdict(list)
        self.pages = {}
        self.terms = {}
        self.redirects = {}

    def prefetch(self, items):
        """Read what the ``items`` ((kind, item) pairs) may match."""
        self.start_batch()
        keys, titles, paths = set(), set(), set()
        for kind, item in items:
            keys.add(item_key(kind, item.title, item.date))
            titles.add(normalised(item.title))
            paths.update(
                Redirect.normalise_path(path)
                for path in getattr(item, "legacy_paths", ())
            )
        found = {}
        for part in chunks(keys):
            found.update((r.pk, r) for r in LegacyItem.objects.filter(key__in=part))
        for part in chunks(titles):
            found.update(
                (r.pk, r) for r in LegacyItem.objects.filter(normalised_title__in=part)
            )
        for record in found.values():
            self.remember(record)
        self._prefetch_pages([r.page_id for r in found.values() if r.page_id])
        for part in chunks(paths):
            for redirect in Redirect.objects.filter(old_path__in=part, site=None):
                self.redirects[redirect.old_path] = redirect

    def _prefetch_pages(self, page_ids):
        """The records' pages as their own types, and their regions' and
        topics' ids."""
        by_model = defaultdict(list)
        for part in chunks(page_ids):
            for pk, type_id in Page.objects.filter(pk__in=part).values_list(
                "pk", "content_type"
            ):
                model = ContentType.objects.get_for_id(type_id).model_class()
                by_model[model].append(pk)
        for model, ids in by_model.items():
            fields = {field.name for field in model._meta.get_fields()}
            for part in chunks(ids):
                for page in model.objects.filter(pk__in=part):
                    self.pages[page.pk] = page
                for name in (name for name in TERMS if name in fields):
                    self._prefetch_term_ids(model, name, part)

    def _prefetch_term_ids(self, model, name, ids):
        """The ids of the pages' regions (or topics), straight from the
        many-to-many table: no objects to build."""
        relation = model._meta.get_field(name)
        source = relation.m2m_field_name()
        target = relation.m2m_reverse_field_name()
        for pk in ids:
            self.terms[(pk, name)] = set()
        rows = relation.remote_field.through.objects.filter(
            **{f"{source}_id__in": ids}
        ).values_list(f"{source}_id", f"{target}_id")
        for pk, term in rows:
            self.terms[(pk, name)].add(term)

    def term_ids(self, page, name):
        """The ids of ``page``'s regions or topics (``name``)."""
        known = self.terms.get((page.pk, name))
        if known is None:
            known = {term.pk for term in getattr(page, name).all()}
        return known

    def remember(self, record):
        """Make ``record`` (read or about to be created) findable."""
        self.records[record.key] = record
        same = self.titled[(record.kind, record.normalised_title)]
        if record not in same:
            same.append(record)

    def record(self, key):
        return self.records.get(key)

    def records_titled(self, kind, title):
        return list(self.titled.get((kind, normalised(title)), ()))

    def page_of(self, record):
        """The record's page, as its own type, or None if it was deleted."""
        if record.page_id is None:
            return None
        page = self.pages.get(record.page_id)
        if page is None:
            # A page written in this batch is on the record already.
            cached = record._state.fields_cache.get("page")
            page = cached if type(cached) not in (Page, type(None)) else None
            page = page or record.page.specific
            self.pages[page.pk] = page
        return page

    def section(self, model, title, slug):
        """The section page items of ``model``'s parent go under."""
        if model not in self.sections:
            self.sections[model] = get_or_create_section(model, title, slug)
        return self.sections[model]

    def taken_slugs(self, parent):
        """The slugs of ``parent``'s children, read once per run."""
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(
                Page.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                ).values_list("slug", flat=True)
            )
        return self.slugs[parent.pk]

    def series_named(self, name):
        """The Series called ``name`` (any case), or None."""
        if self.series is None:
            self.series = {s.name.lower(): s for s in Series.objects.all()}
        return self.series.get(name.lower())

    def add_series(self, series):
        self.series_named(series.name)
        self.series[series.name.lower()] = series
