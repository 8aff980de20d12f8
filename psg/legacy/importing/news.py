"""Importing one news item: from a listing's teaser, an article page, or both."""

from wagtail.rich_text import RichText

from psg.core.text import fold
from psg.legacy.models import LegacyItem
from psg.news.models import NewsIndexPage, NewsPage
from psg.taxonomy.models import Series

from .items import ItemImporter, normalised, paragraph_html, record_state
from .report import CREATED, ItemResult
from .slugs import unique_slug, unique_slug_among


def body_paragraphs(page):
    """The page body as a list of paragraph HTML, or None if it holds more."""
    paragraphs = []
    for block in page.body:
        if block.block_type != "paragraph":
            return None
        paragraphs.append(block.value.source)
    return paragraphs


class NewsImporter(ItemImporter):
    """Creates or updates the NewsPage of a parsed NewsItem.

    The article's body wins over listing text, the listing's teaser over one
    taken from the article (docs/legacy-import.md, "Merging").
    """

    kind = LegacyItem.Kind.NEWS

    def texts(self, item):
        return [item.title, *item.listing_text, *item.body]

    def legacy_paths(self, item):
        return item.legacy_paths

    def import_item(self, item, file_name):
        """Create or update the page for one news item; returns an ItemResult."""
        key, record = self.find_record(item)
        if record is None:
            return self._create(item, key, file_name)
        return self._update(item, record, file_name)

    def _create(self, item, key, file_name):
        parent = self.known.section(NewsIndexPage, "All news", "news")
        record = LegacyItem(
            key=key,
            kind=self.kind,
            normalised_title=normalised(item.title),
            title=item.title,
            date=item.date,
            date_precision=item.date_precision,
            bulletin_name=item.bulletin_name,
            bulletin_number=item.bulletin_number,
        )
        page = NewsPage(
            title=item.title,
            slug=unique_slug_among(item.title, self.known.taken_slugs(parent), "item"),
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
        regions, topics = self.terms(item)
        page.regions.set(regions)
        page.topics.set(topics)
        record.imported_regions = [region.slug for region in regions]
        record.imported_topics = [topic.slug for topic in topics]
        new_page = self.writer.add(parent, page, record, regions, topics)
        record.source_files = [file_name]
        notes, redirects = self.link_legacy_paths(
            record, item.legacy_paths, page, new_page
        )
        self.known.remember(record)
        return ItemResult(CREATED, item.title, notes, redirects)

    def _update(self, item, record, file_name):
        notes = []
        page = self.known.page_of(record)
        before = record_state(record)
        changes = {}
        teaser_owned = page is not None and page.teaser == record.imported_summary
        body_owned = page is not None and body_paragraphs(page) == list(
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
                if markup != body_paragraphs(page):
                    changes["body"] = [("paragraph", RichText(m)) for m in markup]
                record.imported_body = markup
                record.body_source = body_source
            elif markup != list(record.imported_body):
                notes.append("body edited in the admin: kept")

        if page is not None:
            changes.update(self.date_changes(item, record, page))
            if item.bulletin_name and not page.bulletin_name:
                changes["bulletin_name"] = item.bulletin_name
                changes["bulletin_number"] = item.bulletin_number
        if item.bulletin_name and not record.bulletin_name:
            record.bulletin_name = item.bulletin_name
            record.bulletin_number = item.bulletin_number
        return self.finish_update(record, page, item, file_name, changes, notes, before)

    def _series(self, item):
        """The item's Series ("Letter from Cajamarca"), created when missing."""
        found = item.series
        if found is None:
            return None
        name, place = found
        series = self.known.series_named(name)
        if series is None:
            slug = unique_slug(name, Series.objects.all(), "series")
            series = Series.objects.create(name=name, slug=slug)
            self.known.add_series(series)
        if series.region_id is None:
            folded = fold(place)
            region = next(
                (r for r in self.vocabulary.regions if folded in r.match_terms()),
                None,
            )
            if region is not None:
                series.region = region
                series.save(update_fields=["region"])
        return series
