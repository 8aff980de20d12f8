"""The partners' read-only JSON API: news, publications, events, and the
regions, topics and series they are classified by.

Every view here is anonymous and the same for everyone: no authentication
class (so no session is read, no cookie set and no CSRF token needed), GET,
HEAD and OPTIONS only, ``Cache-Control: public`` on successful reads and
``Access-Control-Allow-Origin: *`` so that partners' pages may call it from the
browser. Clients are throttled per IP address (``PSG_API_RATE``).
"""

import re

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView, exception_handler

from django.conf import settings
from django.db.models import Prefetch
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from psg.core.ratelimit import client_ip
from psg.events.models import EventPage
from psg.news.models import NewsPage
from psg.publications.models import PublicationFile, PublicationPage
from psg.taxonomy.models import Region, Series, Topic

from . import filters
from . import serializers as api
from .pagination import ListingPagination
from .schema import description

PAGE_ID = re.compile(r"[0-9]{1,18}")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per client IP address, counted in the cache.

    The rate is read from ``settings.PSG_API_RATE`` on each request ("120/m";
    empty turns throttling off). The address is the one the site's other rate
    limits use: REMOTE_ADDR, or the trusted proxy's header.
    """

    scope = "api"

    def get_rate(self):
        return settings.PSG_API_RATE or None

    def get_cache_key(self, request, view):
        ident = client_ip(request) or self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


# Errors ----------------------------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, for a person."))


class InvalidParametersSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Each query parameter in error, with what is wrong with it."),
    )


def api_exception_handler(exc, context):
    """DRF's answers, with invalid parameters as
    ``{"detail": "Invalid query parameters: region.", "errors": {"region": […]}}``.
    """
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        errors = response.data
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors}
        response.data = {
            "detail": gettext("Invalid query parameters: %(names)s.")
            % {"names": ", ".join(sorted(errors))},
            "errors": errors,
        }
    return response


LISTING_ERRORS = {
    400: OpenApiResponse(
        InvalidParametersSerializer, description=_("A query parameter is invalid.")
    ),
    404: OpenApiResponse(ErrorSerializer, description=_("No such page of results.")),
    429: OpenApiResponse(ErrorSerializer, description=_("Too many requests.")),
}
PAGE_ID_PARAMETER = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description=_("The page's id, as in listings.")
)
ITEM_ERRORS = {
    404: OpenApiResponse(ErrorSerializer, description=_("No such item.")),
    429: OpenApiResponse(ErrorSerializer, description=_("Too many requests.")),
}


def endpoints(*, listing, listing_description, item, item_description):
    """Describe a viewset's two endpoints in the OpenAPI description: its
    listing and one item, with their summaries and descriptions.

    What they answer comes from the viewset: ``serializer_class`` (and
    ``detail_serializer_class`` for one item, where there is one), the errors
    of its listing (``listing_errors``) and the parameters of its items
    (``item_parameters``).
    """

    def describe(viewset):
        item_serializer = (
            getattr(viewset, "detail_serializer_class", None)
            or viewset.serializer_class
        )
        return extend_schema_view(
            list=extend_schema(
                summary=listing,
                description=listing_description,
                responses={
                    200: viewset.serializer_class(many=True),
                    **viewset.listing_errors,
                },
            ),
            retrieve=extend_schema(
                summary=item,
                description=item_description,
                parameters=viewset.item_parameters,
                responses={200: item_serializer, **ITEM_ERRORS},
            ),
        )(viewset)

    return describe


# The shared behaviour ----------------------------------------------------------


class PartnerAPIMixin:
    """Anonymous, read-only, cacheable, callable from any origin, throttled."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientRateThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = []
    http_method_names = ["get", "head", "options"]

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "Retry-After"
        if request.method == "OPTIONS":
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(
                response, public=True, max_age=settings.PSG_API_CACHE_SECONDS
            )
        elif response.status_code == 429:
            # One client's limit must not be served to others from a cache.
            patch_cache_control(response, private=True, no_store=True)
        return response


class PageViewSet(PartnerAPIMixin, viewsets.ReadOnlyModelViewSet):
    """Live, public pages of one type under the request's Wagtail site."""

    model = None
    serializer_class = None
    detail_serializer_class = None
    filterset_class = None
    filter_backends = [filters.ListingFilterBackend]
    pagination_class = ListingPagination
    listing_errors = LISTING_ERRORS
    item_parameters = [PAGE_ID_PARAMETER]

    def site(self):
        """The request's Wagtail site (the default one for an unknown host)."""
        if not hasattr(self, "_site"):
            self._site = Site.find_for_request(self.request._request)
        return self._site

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["site"] = self.site()
        return context

    def get_serializer_class(self):
        if self.action == "retrieve":
            return self.detail_serializer_class
        return self.serializer_class

    def with_related(self, queryset):
        return queryset.prefetch_related(
            Prefetch("regions", queryset=Region.objects.with_name_es()),
            Prefetch("topics", queryset=Topic.objects.with_name_es()),
        )

    def get_queryset(self):
        site = self.site()
        if site is None:
            return self.model.objects.none()
        pages = (
            self.model.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
        )
        return self.with_related(pages).order_by(*self.filterset_class.default_order())

    def get_object(self):
        raw = self.kwargs[self.lookup_field]
        page = None
        if PAGE_ID.fullmatch(raw):
            page = self.get_queryset().filter(pk=int(raw)).first()
        if page is None:
            raise NotFound(
                gettext("There is no %(noun)s with the id “%(id)s”.")
                % {"noun": self.model._meta.verbose_name, "id": raw[:40]}
            )
        return page


@endpoints(
    listing=_("News items"),
    listing_description=_(
        "Live, public news items, analysis, editorials, letters and "
        "corrections, newest first."
    ),
    item=_("One news item, with its body"),
    item_description=_("A live, public news item, with its body as clean HTML."),
)
class NewsViewSet(PageViewSet):
    model = NewsPage
    serializer_class = api.NewsSerializer
    detail_serializer_class = api.NewsDetailSerializer
    filterset_class = filters.NewsFilterSet

    def with_related(self, queryset):
        return (
            super()
            .with_related(queryset)
            .select_related("series")
            .prefetch_related("authors")
        )


@endpoints(
    listing=_("Publications"),
    listing_description=_(
        "Live, public reports, case studies, submissions and briefings, "
        "newest first, each with its files."
    ),
    item=_("One publication, with its description"),
    item_description=_("A live, public publication, with its description as HTML."),
)
class PublicationViewSet(PageViewSet):
    model = PublicationPage
    serializer_class = api.PublicationSerializer
    detail_serializer_class = api.PublicationDetailSerializer
    filterset_class = filters.PublicationFilterSet

    def with_related(self, queryset):
        return (
            super()
            .with_related(queryset)
            .prefetch_related(
                Prefetch(
                    "files",
                    queryset=PublicationFile.objects.select_related("document"),
                )
            )
        )


@endpoints(
    listing=_("Events"),
    listing_description=_(
        "Live, public events, latest start first; date_from=<today> "
        "with ordering=start gives the coming ones, soonest first."
    ),
    item=_("One event, with its body"),
    item_description=_("A live, public event, with its body as clean HTML."),
)
class EventViewSet(PageViewSet):
    model = EventPage
    serializer_class = api.EventSerializer
    detail_serializer_class = api.EventDetailSerializer
    filterset_class = filters.EventFilterSet


# Vocabularies -------------------------------------------------------------------


class TermViewSet(PartnerAPIMixin, viewsets.ReadOnlyModelViewSet):
    """A whole vocabulary, in name order, unpaginated (it is short)."""

    lookup_field = "slug"
    pagination_class = None
    filter_backends = []
    listing_errors = {429: ITEM_ERRORS[429]}
    item_parameters = []

    def get_object(self):
        slug = self.kwargs[self.lookup_field]
        term = self.get_queryset().filter(slug=slug).first()
        if term is None:
            raise NotFound(
                gettext("There is no %(noun)s “%(slug)s”.")
                % {"noun": self.queryset.model._meta.verbose_name, "slug": slug[:40]}
            )
        return term


@endpoints(
    listing=_("Regions"),
    listing_description=_("Peru's 26 regional governments, in name order."),
    item=_("One region"),
    item_description=_("A region by its slug."),
)
class RegionViewSet(TermViewSet):
    queryset = Region.objects.order_by("name")
    serializer_class = api.RegionSerializer

    def get_queryset(self):
        return super().get_queryset().in_language().with_name_es()


@endpoints(
    listing=_("Topics"),
    listing_description=_("The topics items are classified by, in name order."),
    item=_("One topic"),
    item_description=_("A topic by its slug."),
)
class TopicViewSet(TermViewSet):
    queryset = Topic.objects.order_by("name")
    serializer_class = api.TopicSerializer

    def get_queryset(self):
        return super().get_queryset().in_language().with_name_es()


@endpoints(
    listing=_("Series"),
    listing_description=_(
        "Series of news items, such as a region's letters, in name order."
    ),
    item=_("One series"),
    item_description=_("A series by its slug."),
)
class SeriesViewSet(TermViewSet):
    queryset = Series.objects.order_by("name")
    serializer_class = api.SeriesSerializer

    def get_queryset(self):
        # The region with its Spanish name: prefetched, as a join cannot
        # carry the annotation.
        region = Prefetch("region", queryset=Region.objects.with_name_es())
        return super().get_queryset().in_language().prefetch_related(region)


# The root, the description and its reader -----------------------------------------

ENDPOINTS = ["news", "publications", "events", "regions", "topics", "series"]


class RootView(PartnerAPIMixin, APIView):
    @extend_schema(
        summary=_("The API's endpoints"),
        description=_("The address of each listing, of this description and its docs."),
        responses={
            200: inline_serializer(
                "Endpoints",
                {
                    **{name: serializers.URLField() for name in ENDPOINTS},
                    "schema": serializers.URLField(),
                    "docs": serializers.URLField(),
                },
            ),
            429: ITEM_ERRORS[429],
        },
    )
    def get(self, request):
        links = {
            name: reverse(f"api:{name}-list", request=request) for name in ENDPOINTS
        }
        links["schema"] = reverse("api:schema", request=request)
        links["docs"] = reverse("api:docs", request=request)
        return Response(links)


class SchemaView(PartnerAPIMixin, SpectacularAPIView):
    """The OpenAPI 3 description: JSON, or YAML with ?format=yaml."""

    renderer_classes = (
        SpectacularAPIView.renderer_classes[2:]
        + (SpectacularAPIView.renderer_classes[:2])
    )

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return Response(description())


def not_found(request, *args, **kwargs):
    """A JSON 404 for any other address under /api/."""
    view = UnknownEndpointView.as_view()
    return view(request, *args, **kwargs)


class UnknownEndpointView(PartnerAPIMixin, APIView):
    def get(self, request, *args, **kwargs):
        raise NotFound(
            gettext("There is no such endpoint. The endpoints are listed at /api/v1/.")
        )
