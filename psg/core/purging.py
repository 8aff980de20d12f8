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
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import get_backends

from psg.core.locales import is_per_language, prefixed_language

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
    paths = in_language(page.locale.language_code, paths)
    # Its translations link to it (the language switch, hreflang).
    for translation in page.get_translations(inclusive=False):
        paths.add(page_path(translation))
    return {path for path in paths if path}


def in_language(language, paths):
    """``paths`` as addresses in ``language``: ``/search/`` is
    ``/es/search/`` in Spanish. The apps name their addresses in whatever
    language is active (an editor may use the admin in Spanish); the page's
    listings, feeds and searches are those of its own language."""
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    found = set()
    for path in paths:
        if not path:
            continue
        current = prefixed_language(path)
        neutral = path[len(current) + 1 :] if current else path
        found.add(prefix + neutral if is_per_language(neutral) else neutral)
    return found


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
        self.bulk = False


_pending = _Pending()


def discard_pending():
    """Forget purges whose transaction never committed (tests start clean)."""
    _pending.urls, _pending.everything = set(), False


def purge_urls(urls):
    """Purge these absolute URLs (each path with all its query strings) once
    the current transaction commits."""
    _pending.urls.update(urls)
    transaction.on_commit(flush)


def purge_paths_on_every_site(paths):
    """Purge these paths (``/bulletin/``) on every site, once the transaction
    commits: for addresses that are not pages, the same on each site."""
    if not caches_configured():
        return
    sites = apps.get_model("wagtailcore", "Site").objects.all()
    purge_urls({site.root_url + path for site in sites for path in paths})


def purge_page(page):
    """Purge every address that shows ``page`` once the transaction commits.

    Should working out those addresses fail, everything is purged instead:
    a cache is never left stale, and the editor's change goes through."""
    if not caches_configured():
        return
    if _pending.bulk or _pending.everything:
        # Everything goes anyway: no need to work out this page's addresses.
        purge_everything()
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


@contextmanager
def bulk_changes():
    """For work that changes many pages at once (an import, a migration of
    content): each page's purge becomes one purge of everything, sent when
    the work's transaction commits, instead of working out every page's
    addresses."""
    _pending.bulk = True
    try:
        yield
    finally:
        _pending.bulk = False


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
