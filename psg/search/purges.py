"""Search results show titles and summaries: every query of /search/ goes
when a page changes (docs/caching.md)."""

from django.urls import reverse


def search_paths(page, site):
    return [reverse("search")]
