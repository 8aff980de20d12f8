import posixpath

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.static import serve

# Documents are served only by Wagtail's document view (/documents/<id>/...),
# which checks collection and page privacy; their files' own addresses under
# MEDIA_URL are never served (docs/security.md, "Private content").
PRIVATE_MEDIA_PREFIXES = ("documents/",)


def serve_media(request, path):
    """Uploaded files, for installations where nothing in front serves them."""
    if posixpath.normpath(path).lstrip("/").startswith(PRIVATE_MEDIA_PREFIXES):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
