from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from psg.bulletin.sitemaps import archive_entries
from psg.core.health import healthz
from psg.core.views import favicon, serve_media
from psg.events import views as event_views
from psg.legacy import urls as legacy_urls
from psg.metadata import views as metadata_views

urlpatterns = [
    path("admin/two-factor/", include("psg.staff.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("favicon.ico", favicon),
    # The app node's probe for Varnish and load balancers (docs/deployment.md).
    path("healthz/", healthz, name="healthz"),
    path("", include(legacy_urls)),
    path("api/v1/", include("psg.api.urls")),
    path("robots.txt", metadata_views.robots_txt, name="robots-txt"),
    # The sitemap lists the pages, then the sections of the apps above it.
    path(
        "sitemap.xml",
        metadata_views.sitemap,
        {"sections": [archive_entries]},
        name="sitemap",
    ),
]

if settings.PSG_SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve_media,
        )
    ]

# What readers read: in English at these addresses, in Spanish under /es/
# (the language comes from the address alone: LanguageFromPathMiddleware).
urlpatterns += i18n_patterns(
    path("events/feed.ics", event_views.calendar_feed, name="events_feed"),
    path("events/<slug:slug>.ics", event_views.event_ics, name="event_ics"),
    path("", include("psg.members.urls")),
    path("bulletin/", include("psg.bulletin.urls")),
    path("search/", include("psg.search.urls")),
    path("", include("psg.feeds.urls")),
    # Wagtail's catch-all last; it serves the active language's home page.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A lost database answers 503 with Retry-After, not 500 (psg.core.outages).
handler500 = "psg.core.outages.server_error"
