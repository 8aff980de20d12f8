"""What importing a news item and a publication share.

Finding an item imported before, keeping what an editor changed, adding
regions and topics, redirecting legacy addresses, publishing the changes.
"""

import copy
import functools
import html
from dataclasses import dataclass

import nh3

from wagtail.contrib.redirects.models import Redirect

from psg.core.locales import default_language
from psg.core.text import normalise_title
from psg.legacy.detect import TermMatcher, fold_texts
from psg.legacy.parsing.dates import MONTH, PRECISION_RANK, YEAR
from psg.taxonomy.models import Region, Topic

from .report import SKIPPED, UNCHANGED, UPDATED, ItemResult

PAGE_DELETED = "its page was deleted in the admin: not recreated"
# The record's fields an import may change: saved only when one of them did.
RECORD_FIELDS = (
    "from_listing",
    "from_article",
    "teaser_source",
    "body_source",
    "imported_summary",
    "imported_body",
    "imported_regions",
    "imported_topics",
    "bulletin_name",
    "bulletin_number",
    "date",
    "date_precision",
    "legacy_paths",
    "source_files",
)


def paragraph_html(text):
    """One paragraph of plain text as safe rich text: "<p>…</p>"."""
    markup = "<p>" + html.escape(text, quote=False) + "</p>"
    return nh3.clean(markup, tags={"p"}, attributes={})


@functools.lru_cache(maxsize=4096)
def normalised(title):
    """The title as LegacyItem.normalised_title keeps it (each item's title is
    wanted several times in a batch: worked out once)."""
    return normalise_title(title)[:255]


def item_key(kind, title, date):
    """The LegacyItem key: kind, day and normalised title."""
    day = date.isoformat() if date else "undated"
    prefix = f"{kind}|{day}|"
    return prefix + normalised(title)[: 255 - len(prefix)]


def dates_compatible(first, first_precision, second, second_precision):
    """Whether two dates may name the same day: "April 2009" and 3 April 2009."""
    if first is None or second is None:
        return False
    coarsest = max(PRECISION_RANK[first_precision], PRECISION_RANK[second_precision])
    if coarsest == PRECISION_RANK[YEAR]:
        return first.year == second.year
    if coarsest == PRECISION_RANK[MONTH]:
        return (first.year, first.month) == (second.year, second.month)
    return first == second


def redirects_to(redirect, page):
    """Whether ``redirect`` goes to ``page`` (either may not be saved yet)."""
    if redirect.redirect_page_id is not None and page.pk is not None:
        return redirect.redirect_page_id == page.pk
    return redirect._state.fields_cache.get("redirect_page") is page


def record_state(record):
    """A copy of the record's fields, to tell whether it needs saving."""
    return {name: copy.copy(getattr(record, name)) for name in RECORD_FIELDS}


@dataclass(frozen=True)
class Vocabulary:
    """The regions and topics of a run, and the matchers that find them."""

    regions: list
    region_matcher: TermMatcher
    topic_matcher: TermMatcher

    @classmethod
    def load(cls):
        # The English terms the items are filed under, found in the text by
        # their Spanish names too.
        language = default_language()
        regions = list(Region.objects.in_language(language).with_name_es())
        return cls(
            regions,
            TermMatcher(regions, nested=False),
            TermMatcher(Topic.objects.in_language(language).with_name_es()),
        )


class ItemImporter:
    """Creates or updates the page of one kind of item.

    Subclasses set ``kind`` and give ``texts`` (where to look for regions and
    topics) and ``legacy_paths``.
    """

    kind = None

    def __init__(self, vocabulary, known, writer):
        self.vocabulary = vocabulary
        # What the batch's items may match (Known) and the new pages waiting
        # to be written in bulk (PageWriter).
        self.known, self.writer = known, writer

    def texts(self, item):
        raise NotImplementedError

    def legacy_paths(self, item):
        return []

    def find_record(self, item):
        """(key, the LegacyItem for ``item``: same key, else one compatible match).

        A listing may give "April 2009" where the article gives 3 April 2009;
        such an item is matched by title when exactly one earlier item with a
        compatible date exists. Undated items match only on the exact key, so
        two letters of the same name are never merged on a guess.
        """
        key = item_key(self.kind, item.title, item.date)
        record = self.known.record(key)
        if record is None and item.date is not None:
            candidates = [
                candidate
                for candidate in self.known.records_titled(self.kind, item.title)
                if dates_compatible(
                    candidate.date,
                    candidate.date_precision,
                    item.date,
                    item.date_precision,
                )
            ]
            record = candidates[0] if len(candidates) == 1 else None
        if record is not None and self.writer.is_pending(record):
            # Met twice in one batch: write the first page, then update it.
            self.writer.flush()
        return key, record

    def terms(self, item):
        """(regions, topics) the item's text names."""
        text = fold_texts(self.texts(item))
        return (
            self.vocabulary.region_matcher.find_in_folded(text),
            self.vocabulary.topic_matcher.find_in_folded(text),
        )

    def date_changes(self, item, record, page):
        """A more precise date for the page, if the editors left its date be."""
        if item.date is None or (
            record.date is not None
            and PRECISION_RANK[item.date_precision]
            >= PRECISION_RANK[record.date_precision]
        ):
            return {}
        owned = (page.date, page.date_precision) == (
            record.date,
            record.date_precision,
        )
        record.date, record.date_precision = item.date, item.date_precision
        if not owned:
            return {}
        return {"date": item.date, "date_precision": item.date_precision}

    def finish_update(self, record, page, item, file_name, changes, notes, before):
        """Publish the page's changes (if any) and save the record's."""
        if file_name not in record.source_files:
            record.source_files = [*record.source_files, file_name]
        if page is None:
            if record_state(record) != before:
                record.save()
            return ItemResult(SKIPPED, item.title, [PAGE_DELETED])
        regions, topics = self.terms(item)
        new_regions = [r for r in regions if r.slug not in record.imported_regions]
        new_topics = [t for t in topics if t.slug not in record.imported_topics]
        record.imported_regions = [
            *record.imported_regions,
            *(region.slug for region in new_regions),
        ]
        record.imported_topics = [
            *record.imported_topics,
            *(topic.slug for topic in new_topics),
        ]
        region_ids = self.known.term_ids(page, "regions")
        topic_ids = self.known.term_ids(page, "topics")
        add_regions = [r for r in new_regions if r.pk not in region_ids]
        add_topics = [t for t in new_topics if t.pk not in topic_ids]

        path_notes, redirects = self.link_legacy_paths(
            record, self.legacy_paths(item), page
        )
        notes.extend(path_notes)

        action = UNCHANGED
        if changes or add_regions or add_topics:
            if not page.live or page.has_unpublished_changes:
                # Publishing would put an editor's unpublished work (or a page
                # they took offline) live: leave the page to them, and the
                # record as it was, so that a later import tries again.
                notes.append(
                    "the page has unpublished changes or was unpublished in the "
                    "admin: not updated"
                )
                return ItemResult(SKIPPED, item.title, notes, redirects)
            for name, value in changes.items():
                setattr(page, name, value)
            if add_regions:
                page.regions.add(*add_regions)
                region_ids.update(region.pk for region in add_regions)
            if add_topics:
                page.topics.add(*add_topics)
                topic_ids.update(topic.pk for topic in add_topics)
            page.save_revision().publish()
            action = UPDATED
        if record_state(record) != before:
            record.save()
        return ItemResult(action, item.title, notes, redirects)

    def link_legacy_paths(self, record, paths, page, new_page=None):
        """Store a Wagtail redirect for each legacy address of the item.

        An address that already redirects elsewhere is left alone: an editor
        may have pointed it somewhere better. For a page not written yet,
        ``new_page`` (from PageWriter.add) takes the redirects along.
        """
        notes, created = [], 0
        for path in paths:
            old_path = Redirect.normalise_path(path)
            existing = self.known.redirects.get(old_path)
            if existing is None:
                redirect = Redirect(
                    old_path=old_path, site=None, redirect_page=page, is_permanent=True
                )
                if new_page is None:
                    redirect.save()
                else:
                    # Saved with the page (PageWriter).
                    new_page.redirects.append(redirect)
                self.known.redirects[old_path] = redirect
                created += 1
            elif not redirects_to(existing, page) and old_path not in (
                record.legacy_paths
            ):
                notes.append(f"{old_path} already redirects elsewhere: left as it is")
            if old_path not in record.legacy_paths:
                record.legacy_paths = [*record.legacy_paths, old_path]
        return notes, created
