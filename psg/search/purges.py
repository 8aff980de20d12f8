"""Search results show titles and summaries: every query of /search/ goes
when a page changes, and again when the search index has taken the change
in (docs/caching.md)."""

from django.urls import reverse

from psg.core.purging import purge_paths_on_every_site

# A saved page's index entry, a publication's PDF text and the pages an import
# wrote are brought up to date by background tasks: until they have run, a
# search may show (and a cache keep) what was there before.
INDEX_TASKS = (
    "modelsearch.tasks.",
    "psg.publications.tasks.",
    "psg.legacy.tasks.",
)


def search_paths(page, site):
    return [reverse("search")]


def purge_search_after_indexing(sender, task_result, **kwargs):
    """django-tasks' ``task_finished``: after an index update, purge /search/."""
    if task_result.task.module_path.startswith(INDEX_TASKS):
        purge_paths_on_every_site([reverse("search")])
