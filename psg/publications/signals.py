"""Keep the text of publications' PDFs current (see pdf_text.py)."""

import logging

from .models import PublicationFile
from .tasks import extract_publication_text

logger = logging.getLogger(__name__)


def _enqueue(page_id):
    try:
        extract_publication_text.enqueue(page_id)
    except Exception:
        # Reading the text is a nicety for the search: never fail a save.
        logger.exception("Could not read the PDF text of publication %s", page_id)


def publication_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _enqueue(instance.pk)


def publication_file_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.publication_id:
        _enqueue(instance.publication_id)


def document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    publication_ids = (
        PublicationFile.objects.filter(document=instance)
        .values_list("publication_id", flat=True)
        .distinct()
    )
    for page_id in publication_ids:
        _enqueue(page_id)
