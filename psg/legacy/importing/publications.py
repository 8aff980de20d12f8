"""Importing one publication from the publications listing."""

from psg.legacy.models import LegacyItem
from psg.publications.models import PublicationIndexPage, PublicationPage

from .items import ItemImporter, normalised, paragraph_html, record_state
from .report import CREATED, ItemResult
from .slugs import unique_slug_among


class PublicationImporter(ItemImporter):
    """Creates or updates the PublicationPage of a parsed PublicationItem."""

    kind = LegacyItem.Kind.PUBLICATION

    def texts(self, item):
        return [item.title, *item.paragraphs]

    def import_item(self, item, file_name):
        """Create or update the page for one publication; returns an ItemResult."""
        key, record = self.find_record(item)
        description = "".join(paragraph_html(text) for text in item.paragraphs)
        if record is None:
            return self._create(item, key, file_name, description)
        return self._update(item, record, file_name, description)

    def _create(self, item, key, file_name, description):
        parent = self.known.section(PublicationIndexPage, "Resources", "publications")
        page = PublicationPage(
            title=item.title,
            slug=unique_slug_among(item.title, self.known.taken_slugs(parent), "item"),
            date=item.date,
            date_precision=item.date_precision,
            kind=item.kind,
            summary=item.summary,
            description=description,
        )
        regions, topics = self.terms(item)
        page.regions.set(regions)
        page.topics.set(topics)
        parent.add_child(instance=page)
        page.save_revision().publish()
        record = LegacyItem.objects.create(
            key=key,
            kind=self.kind,
            normalised_title=normalised(item.title),
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
        self.known.remember(record)
        self.known.pages[page.pk] = page
        return ItemResult(CREATED, item.title, [])

    def _update(self, item, record, file_name, description):
        notes, changes = [], {}
        page = self.known.page_of(record)
        before = record_state(record)
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
            changes.update(self.date_changes(item, record, page))
        return self.finish_update(record, page, item, file_name, changes, notes, before)
