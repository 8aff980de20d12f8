"""The caches that purges reach, as Wagtail front-end cache backends
(settings.WAGTAILFRONTENDCACHE; docs/caching.md).

Besides Wagtail's ``purge``/``purge_batch`` (one URL path, all its query
variants), each backend offers ``purge_everything(hosts)``, used when
something every page shows changes (settings, menu, a region's name).
"""

import http.client
import logging
from urllib.parse import urlsplit

from django.utils.encoding import iri_to_uri

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import BaseBackend, HTTPBackend

from . import page_cache

logger = logging.getLogger(__name__)


class EmbeddedCacheBackend(BaseBackend):
    """The embedded page cache (psg.core.page_cache)."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        page_cache.purge_paths(urls)

    def purge_everything(self, hosts):
        page_cache.purge_all()


class VarnishBackend(HTTPBackend):
    """One Varnish server, told by the protocol in docs/caching.md:

    ``PURGE <path>`` with ``Host: <the purged URL's host>`` bans every object
    of that host and path (any query string); ``BAN /`` with ``Host: <site
    host>`` bans the whole site. A Varnish that cannot be reached is logged,
    never raised: the editor's publish has already been committed.
    """

    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        targets = []
        for url in urls:
            parts = urlsplit(url)
            target = (parts.netloc, iri_to_uri(parts.path or "/"))
            if parts.netloc and target not in targets:
                targets.append(target)
        self.send([("PURGE", path, host) for host, path in targets])

    def purge_everything(self, hosts):
        self.send([("BAN", "/", host) for host in hosts])

    def send(self, requests):
        """Send (method, path, host) requests over one connection."""
        if not requests:
            return
        connection_class = (
            http.client.HTTPSConnection
            if self.cache_scheme == "https"
            else http.client.HTTPConnection
        )
        connection = connection_class(self.cache_netloc, timeout=self.timeout)
        try:
            for method, path, host in requests:
                connection.request(
                    method,
                    path,
                    headers={
                        "Host": host,
                        "User-Agent": "Wagtail-frontendcache/" + wagtail_version,
                    },
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    logger.error(
                        "Varnish at %s answered %s %s to %s %s (Host %s)",
                        self.cache_netloc,
                        response.status,
                        response.reason,
                        method,
                        path,
                        host,
                    )
                if response.will_close:
                    connection.close()
        except (OSError, http.client.HTTPException) as error:
            logger.error("Could not purge Varnish at %s: %s", self.cache_netloc, error)
        finally:
            connection.close()
