from functools import partial

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

from psg.core import routing, structure
from psg.core.locales import prefixed_language


class PublicCacheMiddleware:
    """Mark anonymous, cookie-free page views as publicly cacheable.

    A response qualifies when it is a successful GET or HEAD, sets no cookie,
    has no Cache-Control of its own and was made for a visitor who sent no
    session. Forms live on their own pages, which mark themselves private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code in (200, 301, 404)
            and not response.cookies
            and not response.has_header("Cache-Control")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(("/admin/", "/django-admin/"))
        ):
            patch_cache_control(
                response, public=True, max_age=settings.PSG_PUBLIC_CACHE_SECONDS
            )
        return response


class RequestBodyLimitMiddleware:
    """Refuse large request bodies outside the admin, before anything reads
    them (CSRF checks read the POST, so this comes first).

    The public forms take a few fields and no files: a body over
    PSG_PUBLIC_MAX_BODY_BYTES (64 KiB) gets the 413 page. Paths under
    PSG_LARGE_BODY_PATHS (the admin, where reports of tens of MiB are
    uploaded) keep Django's and Wagtail's own limits. See docs/security.md,
    "Request bodies", and docs/deployment.md for the proxy's caps.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(tuple(settings.PSG_LARGE_BODY_PATHS)):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.PSG_PUBLIC_MAX_BODY_BYTES:
                return render(request, "413.html", status=413)
        return self.get_response(request)


class NulByteMiddleware:
    """Refuse a NUL byte in the path with a 404.

    PostgreSQL cannot store or compare a NUL in text and raises an error,
    which a token or slug from the path turned into a 500. No address of the
    site holds one. Query parameters are checked by the views and filters
    that read them (each answers its own clear page or 400). See
    docs/security.md, "Other checks".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        return self.get_response(request)


class SiteRoutingMiddleware:
    """Give Wagtail the request's Site from what the worker keeps, found when
    first asked for, and for a GET or HEAD of a page this worker has served
    before, the page (psg.core.routing): Wagtail then uses them instead of
    querying for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with structure.for_request(request):
            request._wagtail_site = SimpleLazyObject(
                partial(routing.find_site, request)
            )
            if request.method in ("GET", "HEAD"):
                routing.preload_route(request)
            response = self.get_response(request)
            routing.remember_route(request)
        return response


class LanguageFromPathMiddleware:
    """Speak the language the address names: Spanish under ``/es/``, English
    (the default, unprefixed) everywhere else.

    Django's LocaleMiddleware in its place would read the language cookie and
    ``Accept-Language`` and add ``Vary: Accept-Language`` to every unprefixed
    page. Here the path alone decides: no redirect by the browser's language,
    no cookie, no Vary, so every public page stays cacheable by its address
    (docs/translation-content.md, "Spanish addresses").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = prefixed_language(request.path_info) or settings.LANGUAGE_CODE
        # Restored afterwards: nothing of one request's language outlives it.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
