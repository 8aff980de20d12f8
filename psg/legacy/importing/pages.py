"""Creating many published pages at once, as an archive import needs.

Creating a page through Wagtail (``add_child``, ``save_revision``,
``publish``) validates and saves it three times and costs some sixty queries;
for twenty thousand archive items that is most of a quarter of an hour.
``PageWriter`` writes what those calls would leave behind, for a whole batch
in a handful of bulk queries: the tree rows (paths after the parent's last
child), the page type's rows, regions and topics, one published revision each,
the "created" and "published" history entries, then the import's own records
and redirects. It sends ``page_published`` for each page as publishing would;
the search index and Wagtail's reference index are brought up to date by a
background task (``psg.legacy.tasks``), a batch at a time.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from psg.legacy.models import LegacyItem
from psg.legacy.tasks import queue_indexing


def revision_content(page):
    """``page.serializable_data()`` for a new page, without a query: its inline
    children and many-to-many relations left unset are set empty first."""
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        if name not in getattr(page, "_cluster_related_objects", {}):
            setattr(page, name, [])
    for field in get_all_child_m2m_relations(page):
        if field.name not in getattr(page, "_cluster_related_objects", {}):
            getattr(page, field.name).set([])
    return page.serializable_data()


class NewPage:
    """A page waiting to be written, with its record, terms and redirects."""

    def __init__(self, parent, page, record, regions, topics):
        self.parent, self.page, self.record = parent, page, record
        self.regions, self.topics = regions, topics
        self.redirects = []


class PageWriter:
    """Collects new pages (``add``) and writes them all at once (``flush``)."""

    def __init__(self):
        self.pending = []

    def add(self, parent, page, record, regions, topics):
        """Queue ``page`` (unsaved, specific) to be published under ``parent``."""
        new = NewPage(parent, page, record, regions, topics)
        self.pending.append(new)
        return new

    def is_pending(self, record):
        return record.pk is None and any(new.record is record for new in self.pending)

    def discard(self):
        self.pending = []

    def flush(self):
        """Write every queued page; returns their ids."""
        pending, self.pending = self.pending, []
        ids = []
        by_parent = {}
        for new in pending:
            by_parent.setdefault(new.parent.pk, []).append(new)
        for group in by_parent.values():
            ids += self._write(group[0].parent, group)
        if ids:
            queue_indexing(ids)
        return ids

    def _write(self, parent, group):
        model = type(group[0].page)
        now = timezone.now()
        page_type = ContentType.objects.get_for_model(Page)
        content_type = ContentType.objects.get_for_model(model)
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        position = Page._str2int(last[-Page.steplen :]) if last else 0
        rows = []
        for new in group:
            page = new.page
            position += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, position)
            page.depth, page.numchild = parent.depth + 1, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.last_published_at = now
            page.latest_revision_created_at = now
            page.translation_key = page.translation_key or uuid.uuid4()
            rows.append(
                Page(
                    **{
                        field.attname: getattr(page, field.attname)
                        for field in Page._meta.concrete_fields
                        if not field.primary_key
                    }
                )
            )
        # The revisions' content, read while the pages have no id: with one,
        # each page would query its (empty) inline panels and authors.
        contents = [revision_content(new.page) for new in group]
        Page.objects.bulk_create(rows)
        for new, row, content in zip(group, rows, contents, strict=True):
            for key in ("pk", "id", "page_ptr"):
                if key in content:
                    content[key] = row.pk
            new.page.id = new.page.page_ptr_id = row.pk
            # Saved, as far as Django can tell (for validation, later saves).
            new.page._state.adding, new.page._state.db = False, row._state.db
        self._insert_specific(model, [new.page for new in group])
        self._link_terms(model, group)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=page_type,
                    object_id=str(new.page.pk),
                    created_at=now,
                    object_str=new.page.title,
                    content=content,
                )
                for new, content in zip(group, contents, strict=True)
            ]
        )
        for new, revision in zip(group, revisions, strict=True):
            new.page.latest_revision_id = new.page.live_revision_id = revision.pk
            new.revision = revision
        self._point_at_revisions([new.page for new in group])
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(group))
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type=content_type,
                page_id=new.page.pk,
                label=new.page.title,
                action=action,
                timestamp=now,
                revision=new.revision,
                content_changed=True,
            )
            for new in group
            for action in ("wagtail.create", "wagtail.publish")
        )
        for new in group:
            new.record.page = new.page
        LegacyItem.objects.bulk_create([new.record for new in group])
        for new in group:
            for redirect in new.redirects:
                redirect.redirect_page = new.page
        Redirect.objects.bulk_create(
            [redirect for new in group for redirect in new.redirects]
        )
        for new in group:
            page_published.send(sender=model, instance=new.page, revision=new.revision)
        return [new.page.pk for new in group]

    def _insert_specific(self, model, pages):
        """The page type's own rows (Django cannot bulk-create a subclass)."""
        fields = model._meta.local_concrete_fields
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        table = quote(model._meta.db_table)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
        rows = [
            [
                field.get_db_prep_save(getattr(page, field.attname), connection)
                for field in fields
            ]
            for page in pages
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def _point_at_revisions(self, pages):
        """Set the pages' latest and live revision (one statement, many rows:
        cheaper than bulk_update's CASE over a whole batch)."""
        quote = connection.ops.quote_name
        table = quote(Page._meta.db_table)
        sql = (
            f"UPDATE {table} SET {quote('latest_revision_id')} = %s, "  # noqa: S608
            f"{quote('live_revision_id')} = %s WHERE {quote('id')} = %s"
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                sql,
                [(p.latest_revision_id, p.live_revision_id, p.pk) for p in pages],
            )

    def _link_terms(self, model, group):
        """The pages' regions and topics (many-to-many rows)."""
        for name in ("regions", "topics"):
            relation = model._meta.get_field(name)
            through = relation.remote_field.through
            source = relation.m2m_field_name()
            target = relation.m2m_reverse_field_name()
            through.objects.bulk_create(
                through(**{f"{source}_id": new.page.pk, f"{target}_id": term.pk})
                for new in group
                for term in getattr(new, name)
            )
