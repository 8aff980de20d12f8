from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.static import serve


def serve_media(request, path):
    """Uploaded files, for installations where nothing in front serves them."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
