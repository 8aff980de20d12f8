"""How the OpenAPI description (drf-spectacular) sees this API.

Only /api/ is described; each listing's query parameters come from its filter
set (``PageFilterSet.openapi_parameters``), so the description says exactly
what the filters accept. The description depends on the code alone, so it is
made once per process and language (``description()``) and served from there.
"""

import functools

from drf_spectacular.extensions import OpenApiFilterExtension
from drf_spectacular.generators import SchemaGenerator

from django.utils.translation import get_language


def only_partner_api(endpoints):
    """The PREPROCESSING_HOOKS entry: leave out the admin's own API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


class ListingFilterExtension(OpenApiFilterExtension):
    target_class = "psg.api.filters.ListingFilterBackend"
    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        filterset_class = getattr(auto_schema.view, "filterset_class", None)
        if filterset_class is None:
            return []
        return filterset_class.openapi_parameters()


@functools.lru_cache(maxsize=4)
def _description(language):
    return SchemaGenerator().get_schema(request=None, public=True)


def description():
    """The OpenAPI description as a dict (shared: do not change it)."""
    return _description(get_language())
