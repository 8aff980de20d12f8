"""Background work for publications, run by the task worker (django-tasks)."""

from django_tasks import task

from . import pdf_text


@task()
def extract_publication_text(page_id):
    """Read the text of a publication's PDFs for the search (safe to rerun)."""
    return pdf_text.update_publication_text(page_id)
