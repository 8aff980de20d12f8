"""Background work after an import: the imported pages' search and reference
index entries.

The importer writes pages in bulk (psg.legacy.importing.pages) without the
per-save indexing Wagtail does, and queues this task once per batch of pages;
the task worker (``manage.py db_worker``) indexes them, a batch at a time, and
logs its progress. Until a batch is indexed its pages are on the site but not
yet found by the site search.
"""

import logging
import time

from django_tasks import task

from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends

logger = logging.getLogger(__name__)

# Pages per task: small enough that a task holds little memory, large enough
# that the index is written in bulk.
INDEX_BATCH = 500


def queue_indexing(page_ids):
    """Queue the indexing of ``page_ids`` (imported pages), in batches."""
    for start in range(0, len(page_ids), INDEX_BATCH):
        index_imported_pages.enqueue(list(page_ids[start : start + INDEX_BATCH]))


@task()
def index_imported_pages(page_ids):
    """Add imported pages to the search index and Wagtail's reference index."""
    started = time.monotonic()
    by_model = {}
    for page in Page.objects.filter(pk__in=page_ids).only("content_type"):
        by_model.setdefault(page.specific_class, []).append(page.pk)
    done = 0
    for model, ids in by_model.items():
        pages = list(model.get_indexed_objects().filter(pk__in=ids))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        done += len(pages)
    logger.info(
        "Imported pages indexed: %d (ids %d to %d) in %.1f s",
        done,
        min(page_ids, default=0),
        max(page_ids, default=0),
        time.monotonic() - started,
    )
    return done
