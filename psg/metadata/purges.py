"""The sitemap lists every public page with its date (docs/caching.md)."""

from django.urls import reverse


def sitemap_paths(page, site):
    return [reverse("sitemap")]
