"""/robots.txt and /sitemap.xml."""

from itertools import product

from django.contrib.sitemaps import views as sitemap_views
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from psg.core.addresses import absolute
from psg.core.sites import site_for

from .languages import languages
from .sitemaps import SiteSitemap

# Pages for one visitor only (signed links, "check your email", the
# membership area) and the admin: never worth crawling. Each is named by its
# URL name; a token in the address is cut off, leaving the path's prefix.
PRIVATE_URLS = [
    ("wagtailadmin_home", {}),
    ("wagtailcore_login", {}),
    ("membership-home", {}),
    ("join-sent", {}),
    ("join-confirm", {"token": "-"}),
    ("join-done", {"token": "-"}),
    ("bulletin-subscribe-sent", {}),
    ("bulletin-subscribe-confirm", {"token": "-"}),
    ("bulletin-subscribe-done", {}),
    ("bulletin-unsubscribe", {"token": "-"}),
]


def private_paths():
    """The path prefixes robots.txt disallows, shortest first, no repeats."""
    paths = set()
    for (name, kwargs), language in product(PRIVATE_URLS, languages()):
        # The public forms exist in every language (/join/, /es/join/).
        with translation.override(language):
            path = reverse(name, kwargs=kwargs)
        if kwargs:
            path = path[: path.index("/-/") + 1]
        # Wagtail's own helpers (/_util/login/, password-protected pages).
        if "/_util/" in path:
            path = path[: path.index("/_util/")] + "/_util/"
        paths.add(path)
    return sorted(paths)


@require_safe
def robots_txt(request):
    site = site_for(request)
    return render(
        request,
        "metadata/robots.txt",
        {
            "disallow": private_paths(),
            "sitemap_url": absolute(site, reverse("sitemap")),
        },
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def sitemap(request, sections=()):
    """The site's pages, then each of ``sections`` (see ``SiteSitemap``)."""
    return sitemap_views.sitemap(request, {"site": SiteSitemap(request, sections)})
