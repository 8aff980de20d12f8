"""Turning parsed legacy exports into published pages.

Each file is imported in a transaction of its own: a file that fails half way
leaves nothing behind, and the run goes on with the next one. The rules for
matching items again, merging a listing with an article and keeping editors'
changes are set out in docs/legacy-import.md.
"""

import contextlib
import copy
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import nh3

from django.db import transaction
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.rich_text import RichText

from psg.core.site_structure import get_or_create_section
from psg.core.text import fold, normalise_title
from psg.news.models import NewsIndexPage, NewsPage
from psg.publications.models import PublicationIndexPage, PublicationPage
from psg.taxonomy.models import Region, Series, Topic

from . import parser
from .detect import TermMatcher
from .models import LegacyItem

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"
SLUG_LENGTH = 80
PAGE_DELETED = "its page was deleted in the admin: not recreated"


@dataclass(frozen=True)
class ReportedProblem:
    """A problem as the summary lists it: which file, where, and why."""

    file: str
    where: str
    reason: str

    def __str__(self):
        if self.where:
            return f"{self.file}, {self.where}: {self.reason}"
        return f"{self.file}: {self.reason}"


@dataclass
class ImportSummary:
    files_read: int = 0
    files_skipped: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    redirects_created: int = 0
    problems: list[ReportedProblem] = field(default_factory=list)
    dry_run: bool = False

    def count(self, action):
        """Count one item as created, updated, unchanged or skipped."""
        setattr(self, action, getattr(self, action) + 1)

    def lines(self):
        """The closing report, line by line."""
        lines = [
            f"Files read: {self.files_read}, skipped: {self.files_skipped}",
            f"Pages created: {self.created}",
            f"Pages updated: {self.updated}",
            f"Unchanged or skipped items: {self.unchanged + self.skipped} "
            f"({self.unchanged} unchanged, {self.skipped} skipped)",
            f"Legacy addresses redirected: {self.redirects_created} new",
            f"Problems: {len(self.problems)}",
        ]
        lines += [f"  - {problem}" for problem in self.problems]
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return lines


class ItemResult(NamedTuple):
    """What importing one item did, with notes for the report."""

    action: str
    title: str
    notes: list[str]
    redirects_created: int = 0


def collect_files(paths):
    """(files, problems): the files named, and folders' *.txt, recursively."""
    files, problems = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                problems.append(ReportedProblem(str(path), "", "no .txt files in it"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(ReportedProblem(str(path), "", "no such file or folder"))
    return list(dict.fromkeys(files)), problems


def paragraph_html(text):
    """One paragraph of plain text as safe rich text: "<p>…</p>"."""
    markup = "<p>" + html.escape(text, quote=False) + "</p>"
    return nh3.clean(markup, tags={"p"}, attributes={})


def _body_paragraphs(page):
    """The page body as a list of paragraph HTML, or None if it holds more."""
    paragraphs = []
    for block in page.body:
        if block.block_type != "paragraph":
            return None
        paragraphs.append(block.value.source)
    return paragraphs


def _item_key(kind, title, date):
    day = date.isoformat() if date else "undated"
    prefix = f"{kind}|{day}|"
    return prefix + normalise_title(title)[: 255 - len(prefix)]


def _dates_compatible(first, first_precision, second, second_precision):
    """Whether two dates may name the same day: "April 2009" and 3 April 2009."""
    if first is None or second is None:
        return False
    coarsest = max(
        parser.PRECISION_RANK[first_precision],
        parser.PRECISION_RANK[second_precision],
    )
    if coarsest == parser.PRECISION_RANK[parser.YEAR]:
        return first.year == second.year
    if coarsest == parser.PRECISION_RANK[parser.MONTH]:
        return (first.year, first.month) == (second.year, second.month)
    return first == second


class LegacyImporter:
    """Imports legacy exports; ``summary`` holds what happened.

    ``log`` (optional) is called with one line per item imported, for
    verbose output.
    """

    def __init__(self, log=None):
        self.summary = ImportSummary()
        self.log = log or (lambda line: None)
        self._region_list = list(Region.objects.all())
        self._regions = TermMatcher(self._region_list, nested=False)
        self._topics = TermMatcher(Topic.objects.all())

    # --- Running ---------------------------------------------------------

    def import_files(self, files, dry_run=False, after_each=None):
        """Import ``files`` in order; with ``dry_run``, undo it all at the end."""
        self.summary.dry_run = dry_run
        # A dry run imports for real, so that its counts are true, inside one
        # transaction that is then rolled back; each file's own transaction
        # becomes a savepoint within it.
        with transaction.atomic() if dry_run else contextlib.nullcontext():
            for path in files:
                self.import_file(path)
                if after_each:
                    after_each(path)
            if dry_run:
                transaction.set_rollback(True)
        return self.summary

    def import_file(self, path):
        """Import one export; its problems go to the summary, never raise."""
        path = Path(path)
        name = path.name
        try:
            text = parser.decode_export(path.read_bytes())
            parsed = parser.parse_export(text, name)
        except parser.UnreadableExport as error:
            self._skip_file(name, error.reason)
            return
        except OSError as error:
            self._skip_file(name, f"cannot be read ({error.strerror or error})")
            return
        results = []
        try:
            with transaction.atomic():
                for item in parsed.news:
                    results.append(self.import_news_item(item, name))
                for item in parsed.publications:
                    results.append(self.import_publication(item, name))
        # Whatever goes wrong, only this file is lost: report it and go on.
        except Exception as error:
            self._skip_file(
                name,
                f"import failed ({type(error).__name__}: {error}); "
                "nothing from this file was saved",
            )
            return
        self.summary.files_read += 1
        for problem in parsed.problems:
            self.summary.problems.append(
                ReportedProblem(name, problem.where, problem.reason)
            )
        for result in results:
            self.summary.count(result.action)
            self.summary.redirects_created += result.redirects_created
            for note in result.notes:
                self.summary.problems.append(
                    ReportedProblem(name, f'"{result.title}"', note)
                )
            self.log(f"{result.action}: {result.title} ({name})")

    def _skip_file(self, name, reason):
        self.summary.files_skipped += 1
        self.summary.problems.append(ReportedProblem(name, "", reason))

    # --- Finding what was imported before ---------------------------------

    def _find_record(self, kind, title, date, precision):
        """The LegacyItem for this item: same key, else one compatible match.

        A listing may give "April 2009" where the article gives 3 April 2009;
        such an item is matched by title when exactly one earlier item with a
        compatible date exists. Undated items match only on the exact key, so
        two letters of the same name are never merged on a guess.
        """
        key = _item_key(kind, title, date)
        record = LegacyItem.objects.filter(key=key).first()
        if record or date is None:
            return key, record
        candidates = [
            candidate
            for candidate in LegacyItem.objects.filter(
                kind=kind, normalised_title=normalise_title(title)[:255]
            )
            if _dates_compatible(
                candidate.date, candidate.date_precision, date, precision
            )
        ]
        return key, candidates[0] if len(candidates) == 1 else None

    # --- News ---------------------------------------------------------------

    def import_news_item(self, item, file_name):
        """Create or update the page for one news item; returns an ItemResult."""
        key, record = self._find_record(
            LegacyItem.Kind.NEWS, item.title, item.date, item.date_precision
        )
        if record is None:
            return self._create_news(item, key, file_name)
        return self._update_news(item, record, file_name)

    def _news_texts(self, item):
        return [item.title, *item.listing_text, *item.body]

    def _create_news(self, item, key, file_name):
        parent = get_or_create_section(NewsIndexPage, "All news", "news")
        record = LegacyItem(
            key=key,
            kind=LegacyItem.Kind.NEWS,
            normalised_title=normalise_title(item.title)[:255],
            title=item.title,
            date=item.date,
            date_precision=item.date_precision,
            bulletin_name=item.bulletin_name,
            bulletin_number=item.bulletin_number,
        )
        page = NewsPage(
            title=item.title,
            slug=self._unique_slug(parent, item.title),
            date=item.date,
            date_precision=item.date_precision,
            kind=item.kind,
            series=self._series(item),
            bulletin_name=item.bulletin_name,
            bulletin_number=item.bulletin_number,
        )
        body = []
        if item.listing_text:
            record.from_listing = True
            page.teaser = item.listing_teaser
            record.teaser_source = LegacyItem.Source.LISTING
            body = item.listing_body
            record.body_source = LegacyItem.Source.LISTING if body else ""
        if item.body:
            record.from_article = True
            page.teaser = item.article_teaser
            record.teaser_source = LegacyItem.Source.ARTICLE
            body = item.body
            record.body_source = LegacyItem.Source.ARTICLE
        record.imported_summary = page.teaser
        record.imported_body = [paragraph_html(text) for text in body]
        page.body = [("paragraph", RichText(markup)) for markup in record.imported_body]
        regions = self._regions.find(*self._news_texts(item))
        topics = self._topics.find(*self._news_texts(item))
        page.regions.set(regions)
        page.topics.set(topics)
        record.imported_regions = [region.slug for region in regions]
        record.imported_topics = [topic.slug for topic in topics]
        parent.add_child(instance=page)
        page.save_revision().publish()
        record.page = page
        record.source_files = [file_name]
        notes, redirects = self._link_legacy_paths(record, item.legacy_paths, page)
        record.save()
        return ItemResult(CREATED, item.title, notes, redirects)

    def _update_news(self, item, record, file_name):
        notes = []
        page = record.page.specific if record.page_id else None
        before = self._record_state(record)
        changes = {}
        teaser_owned = page is not None and page.teaser == record.imported_summary
        body_owned = page is not None and _body_paragraphs(page) == list(
            record.imported_body
        )

        teaser = body = None
        if item.listing_text:
            record.from_listing = True
            teaser, teaser_source = item.listing_teaser, LegacyItem.Source.LISTING
            if record.body_source != LegacyItem.Source.ARTICLE and item.listing_body:
                body, body_source = item.listing_body, LegacyItem.Source.LISTING
        if item.body:
            record.from_article = True
            body, body_source = item.body, LegacyItem.Source.ARTICLE
            if record.teaser_source != LegacyItem.Source.LISTING:
                teaser, teaser_source = item.article_teaser, LegacyItem.Source.ARTICLE

        if page is not None and teaser is not None:
            if teaser_owned:
                if teaser != page.teaser:
                    changes["teaser"] = teaser
                record.imported_summary = teaser
                record.teaser_source = teaser_source
            elif teaser != record.imported_summary:
                notes.append("teaser edited in the admin: kept")
        if page is not None and body is not None:
            markup = [paragraph_html(text) for text in body]
            if body_owned:
                if markup != _body_paragraphs(page):
                    changes["body"] = [("paragraph", RichText(m)) for m in markup]
                record.imported_body = markup
                record.body_source = body_source
            elif markup != list(record.imported_body):
                notes.append("body edited in the admin: kept")

        if page is not None:
            changes.update(self._date_changes(item, record, page))
            if item.bulletin_name and not page.bulletin_name:
                changes["bulletin_name"] = item.bulletin_name
                changes["bulletin_number"] = item.bulletin_number
        if item.bulletin_name and not record.bulletin_name:
            record.bulletin_name = item.bulletin_name
            record.bulletin_number = item.bulletin_number
        return self._finish_update(
            record, page, item, file_name, changes, notes, before
        )

    def _date_changes(self, item, record, page):
        """A more precise date for the page, if the editors left its date be."""
        if item.date is None or (
            record.date is not None
            and parser.PRECISION_RANK[item.date_precision]
            >= parser.PRECISION_RANK[record.date_precision]
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

    def _series(self, item):
        """The item's Series ("Letter from Cajamarca"), created when missing."""
        found = item.series
        if found is None:
            return None
        name, place = found
        series = Series.objects.filter(name__iexact=name).first()
        if series is None:
            base = slugify(name) or "series"
            slug, number = base, 2
            while Series.objects.filter(slug=slug).exists():
                slug, number = f"{base}-{number}", number + 1
            series = Series.objects.create(name=name, slug=slug)
        if series.region_id is None:
            folded = fold(place)
            region = next(
                (r for r in self._region_list if folded in r.match_terms()), None
            )
            if region is not None:
                series.region = region
                series.save(update_fields=["region"])
        return series

    # --- Publications -------------------------------------------------------

    def import_publication(self, item, file_name):
        """Create or update the page for one publication; returns an ItemResult."""
        key, record = self._find_record(
            LegacyItem.Kind.PUBLICATION, item.title, item.date, item.date_precision
        )
        description = "".join(paragraph_html(text) for text in item.paragraphs)
        if record is None:
            parent = get_or_create_section(
                PublicationIndexPage, "Resources", "publications"
            )
            page = PublicationPage(
                title=item.title,
                slug=self._unique_slug(parent, item.title),
                date=item.date,
                date_precision=item.date_precision,
                kind=item.kind,
                summary=item.summary,
                description=description,
            )
            regions = self._regions.find(item.title, *item.paragraphs)
            topics = self._topics.find(item.title, *item.paragraphs)
            page.regions.set(regions)
            page.topics.set(topics)
            parent.add_child(instance=page)
            page.save_revision().publish()
            LegacyItem.objects.create(
                key=key,
                kind=LegacyItem.Kind.PUBLICATION,
                normalised_title=normalise_title(item.title)[:255],
                title=item.title,
                date=item.date,
                date_precision=item.date_precision,
                page=page,
                from_listing=True,
                teaser_source=LegacyItem.Source.LISTING,
                body_source=LegacyItem.Source.LISTING,
                imported_summary=item.summary,
                imported_body=[description],
                imported_regions=[region.slug for region in regions],
                imported_topics=[topic.slug for topic in topics],
                source_files=[file_name],
            )
            return ItemResult(CREATED, item.title, [])

        notes, changes = [], {}
        page = record.page.specific if record.page_id else None
        before = self._record_state(record)
        if page is not None:
            if page.summary == record.imported_summary:
                if item.summary != page.summary:
                    changes["summary"] = item.summary
                record.imported_summary = item.summary
            elif item.summary != record.imported_summary:
                notes.append("summary edited in the admin: kept")
            imported = record.imported_body[0] if record.imported_body else ""
            if page.description == imported:
                if description != page.description:
                    changes["description"] = description
                record.imported_body = [description]
            elif description != imported:
                notes.append("description edited in the admin: kept")
            changes.update(self._date_changes(item, record, page))
        return self._finish_update(
            record, page, item, file_name, changes, notes, before
        )

    # --- Shared -------------------------------------------------------------

    def _record_state(self, record):
        """A copy of the record's fields, to tell whether it needs saving."""
        return {
            name: copy.copy(getattr(record, name))
            for name in (
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
        }

    def _finish_update(self, record, page, item, file_name, changes, notes, before):
        """Publish the page's changes (if any) and save the record's."""
        if file_name not in record.source_files:
            record.source_files = [*record.source_files, file_name]
        if page is None:
            if self._record_state(record) != before:
                record.save()
            return ItemResult(SKIPPED, item.title, [PAGE_DELETED])
        texts = (
            self._news_texts(item)
            if isinstance(item, parser.NewsItem)
            else [item.title, *item.paragraphs]
        )
        new_regions = [
            region
            for region in self._regions.find(*texts)
            if region.slug not in record.imported_regions
        ]
        new_topics = [
            topic
            for topic in self._topics.find(*texts)
            if topic.slug not in record.imported_topics
        ]
        record.imported_regions = [
            *record.imported_regions,
            *(region.slug for region in new_regions),
        ]
        record.imported_topics = [
            *record.imported_topics,
            *(topic.slug for topic in new_topics),
        ]
        region_ids = set(page.regions.values_list("pk", flat=True))
        topic_ids = set(page.topics.values_list("pk", flat=True))
        add_regions = [r for r in new_regions if r.pk not in region_ids]
        add_topics = [t for t in new_topics if t.pk not in topic_ids]

        paths = getattr(item, "legacy_paths", [])
        path_notes, redirects = self._link_legacy_paths(record, paths, page)
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
            if add_topics:
                page.topics.add(*add_topics)
            page.save_revision().publish()
            action = UPDATED
        if self._record_state(record) != before:
            record.save()
        return ItemResult(action, item.title, notes, redirects)

    def _link_legacy_paths(self, record, paths, page):
        """Store a Wagtail redirect for each legacy address of the item.

        An address that already redirects elsewhere is left alone: an editor
        may have pointed it somewhere better.
        """
        notes, created = [], 0
        for path in paths:
            old_path = Redirect.normalise_path(path)
            existing = Redirect.objects.filter(old_path=old_path, site=None).first()
            if existing is None:
                Redirect.objects.create(
                    old_path=old_path,
                    site=None,
                    redirect_page=page,
                    is_permanent=True,
                )
                created += 1
            elif existing.redirect_page_id != page.pk and old_path not in (
                record.legacy_paths
            ):
                notes.append(f"{old_path} already redirects elsewhere: left as it is")
            if old_path not in record.legacy_paths:
                record.legacy_paths = [*record.legacy_paths, old_path]
        return notes, created

    def _unique_slug(self, parent, title):
        """A slug for ``title`` not yet used under ``parent``: -2, -3 on clashes."""
        base = slugify(fold(title)) or "item"
        if len(base) > SLUG_LENGTH:
            base = base[:SLUG_LENGTH].rsplit("-", 1)[0]
        taken = set(
            parent.get_children()
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug


def default_show_progress(files, stream):
    """The progress bar shows for several files on a terminal."""
    return len(files) > 1 and hasattr(stream, "isatty") and stream.isatty()
