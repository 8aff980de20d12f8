"""What a change purges from the caches, and when (docs/caching.md).

A page shows up at many addresses besides its own: its section's listing,
the home page, its region and topic pages, the feeds, the sitemap, the API.
Core cannot know them all, so it keeps a registry: each app that shows pages
registers, in its ``AppConfig.ready``, a function ``contributor(page, site)``
returning the paths (``/news/``, ``/feeds/news.rss``) of its own addresses that
show ``page``. ``urls_showing(page)`` gathers them as absolute URLs.

This module is imported by the apps' configurations, so it loads no model
at import time. Purges are sent to every backend of settings.WAGTAILFRONTENDCACHE (the
embedded page cache, Varnish) only once the database transaction commits, so
a reader can never re-cache the old content in between.
"""

import logging
import threading
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

_contributors = []


def register_urls_for_page(contributor):
    """Register ``contributor(page, site) -> iterable of paths``; returns it,
    so it may be used as a decorator."""
    if contributor not in _contributors:
        _contributors.append(contributor)
    return contributor


def page_path(page):
    """A page's path on its site (``/news/a-title/``), or None if it has none."""
    url_parts = page.get_url_parts() if page is not None else None
    return url_parts[2] if url_parts else None


def own_paths(page, site):
    """The page itself (with the routes it names for caches) and the listing
    of its section, the page's parent."""
    path = page_path(page)
    if path is None:
        return []
    paths = [path + cached.lstrip("/") for cached in page.get_cached_paths()]
    parent = page.get_parent()
    if parent is not None and not parent.is_root():
        paths.append(page_path(parent))
    return paths


register_urls_for_page(own_paths)


def paths_showing(page):
    """{paths} on the page's site that show ``page`` (or showed it)."""
    page = page.specific_deferred
    site = page.get_site()
    if site is None:
        return set()
    paths = set()
    for contributor in _contributors:
        paths.update(contributor(page, site) or ())
    return {path for path in paths if path}


def caches_configured():
    return bool(settings.WAGTAILFRONTENDCACHE)


def urls_showing(page):
    """The absolute URLs of every address that shows ``page``."""
    site = page.get_site()
    if site is None:
        return set()
    return {site.root_url + path for path in paths_showing(page)}


class _Pending(threading.local):
    def __init__(self):
        self.urls = set()
        self.everything = False


_pending = _Pending()


def discard_pending():
    """Forget purges whose transaction never committed (tests start clean)."""
    _pending.urls, _pending.everything = set(), False


def purge_urls(urls):
    """Purge these absolute URLs (each path with all its query strings) once
    the current transaction commits."""
    _pending.urls.update(urls)
    transaction.on_commit(flush)


def purge_page(page):
    """Purge every address that shows ``page`` once the transaction commits.

    Should working out those addresses fail, everything is purged instead:
    a cache is never left stale, and the editor's change goes through."""
    if not caches_configured():
        return
    try:
        urls = urls_showing(page)
    except Exception:
        logger.exception("Could not tell which addresses show page %s", page.pk)
        purge_everything()
        return
    purge_urls(urls)


def purge_everything():
    """Purge every page of every site once the transaction commits."""
    if not caches_configured():
        return
    _pending.everything = True
    transaction.on_commit(flush)


def site_hosts():
    """Each site's host as a Host header names it (with a non-default port)."""
    sites = apps.get_model("wagtailcore", "Site").objects.all()
    return [urlsplit(site.root_url).netloc for site in sites]


def flush():
    """Send what is pending to every backend. Several changes in one
    transaction each schedule a flush; the first sends them all."""
    urls, everything = _pending.urls, _pending.everything
    _pending.urls, _pending.everything = set(), False
    if not urls and not everything:
        return
    for name, backend in get_backends().items():
        try:
            if everything and hasattr(backend, "purge_everything"):
                backend.purge_everything(site_hosts())
            else:
                backend.purge_batch(sorted(urls))
        except Exception:
            # One cache failing must not keep the others stale.
            logger.exception("Purging the %s cache failed", name)
