from django.conf import settings
from django.utils.cache import patch_cache_control


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
