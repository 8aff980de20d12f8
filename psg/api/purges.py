"""The API's list and detail of a page's kind (docs/caching.md)."""

from django.urls import reverse

from .urls import router


def api_paths(page, site):
    paths = []
    for _prefix, viewset, basename in router.registry:
        model = getattr(viewset, "model", None)
        if model is not None and isinstance(page, model):
            paths.append(reverse(f"api:{basename}-list"))
            paths.append(reverse(f"api:{basename}-detail", args=[page.pk]))
    return paths
