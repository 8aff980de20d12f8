"""The embedded whole-page cache: anonymous page views served from Django's
cache framework, purged on publish (docs/caching.md).

What is stored: the full response (status, headers, body) to an anonymous GET
that PublicCacheMiddleware (or the API) marked ``Cache-Control: public``, with
a status of 200, 301 or 404, no cookie set and nothing streamed. What is never
looked up or stored: a request carrying the session, CSRF or messages cookie,
/admin/, static and media files, a Host that ALLOWED_HOSTS refuses (Django
answers 400), and any request when X-Forwarded-Host would be trusted.

The key is built from the Wagtail site the request's validated Host selects
(never a forwarded header), the scheme, the path, the exact query string, and
two generations: the site-wide one and the path's own. A purge replaces a
generation with a new random token, so every entry made under the old one is
never read again (all query variants of a path at once), and a response
rendered while a purge ran is stored under the generations read *before* it
was rendered, so it cannot outlive the purge. An evicted generation comes
back as a new token: a lost key costs a miss, never a stale page.

``lookup`` reads only the cache (no database): psg.wsgi calls it before
Django is entered, and PageCacheMiddleware (the first middleware) calls it
for requests that reach Django, then stores what the view answered.
"""

import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port, validate_host

from wagtail.models import Site

from psg.core.routing import choose_site

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
HEADER = "X-Cache"
GLOBAL_KEY = "psg-page-cache:global"
# Part of every entry's key: a new shape of entry never meets an old one.
ENTRY_FORMAT = "2"
STORED_STATUSES = frozenset({200, 301, 404})
NEVER_PATHS = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
# Vary values a stored response may carry: no cookie-bearing request is served
# from the cache, and the API renders JSON whatever the Accept header says.
HARMLESS_VARY = frozenset({"cookie", "accept"})
# Headers that belong to one response, not to the stored page.
NOT_STORED = frozenset({"set-cookie", "x-cache", "content-length", "date"})


def enabled():
    return settings.PSG_PAGE_CACHE


def store():
    return caches[CACHE_ALIAS]


def new_token():
    return secrets.token_hex(8)


def digest(*parts):
    text = "\n".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def path_key(site_key, path):
    return "psg-page-cache:path:" + digest(site_key, path)


# The sites, read from the database by a request inside Django and kept per
# process until the global generation changes (a Site saved or deleted purges
# everything, so every process reads them again).
_site_map = (None, ())  # (the global generation it was read under, sites)


@dataclass(frozen=True)
class SiteEntry:
    pk: int
    hostname: str
    port: int
    is_default_site: bool


def load_sites(token):
    global _site_map  # replaced whole, so read without a lock
    sites = tuple(
        SiteEntry(site.pk, site.hostname, site.port, site.is_default_site)
        for site in Site.objects.order_by("pk")
    )
    _site_map = (token, sites)
    return sites


def site_for_host(sites, hostname, port):
    """The site Wagtail's ``Site.find_for_request`` would choose, as a key."""
    chosen = choose_site(sites, hostname, port)
    return None if chosen is None else f"site{chosen.pk}"


def site_key_for_url(sites, url):
    """The site key of an absolute URL being purged (a path: the default)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return site_for_host(sites, parts.hostname or "", port)


def current_global_token(cache=None):
    cache = cache or store()
    token = cache.get(GLOBAL_KEY)
    if token is None:
        cache.add(GLOBAL_KEY, new_token(), timeout=None)
        token = cache.get(GLOBAL_KEY)
    return token


def path_token(cache, key):
    token = cache.get(key)
    if token is None:
        cache.add(key, new_token(), timeout=None)
        token = cache.get(key)
    return token


def _cookie_names():
    return (
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    )


def _has_cookie(environ, names):
    cookie = environ.get("HTTP_COOKIE", "")
    if not cookie:
        return False
    for part in cookie.split(";"):
        name = part.split("=", 1)[0].strip()
        if name in names:
            return True
    return False


def validated_host(environ):
    """(hostname, port) as Django's ``get_host`` would validate them, or None:
    a refused Host never reaches the cache (Django answers 400)."""
    if settings.USE_X_FORWARDED_HOST and environ.get("HTTP_X_FORWARDED_HOST"):
        return None
    host = environ.get("HTTP_HOST") or "{}:{}".format(
        environ.get("SERVER_NAME", ""), environ.get("SERVER_PORT", "")
    )
    domain, _port = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    if not domain or not validate_host(domain, allowed):
        return None
    try:
        port = int(environ.get("SERVER_PORT") or 80)
    except ValueError:
        return None
    return domain, port


def _scheme(environ):
    header = settings.SECURE_PROXY_SSL_HEADER
    if header:
        name, secure_value = header
        value = environ.get(name)
        if value is not None:
            return "https" if value.split(",")[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _path(environ):
    raw = environ.get("PATH_INFO", "/") or "/"
    return raw.encode("latin-1", "replace").decode("utf-8", "replace")


class RecentEntries:
    """The entries this process served last, kept in its memory so that a hit
    reads only the two generations from the shared cache. Safe: an entry's
    key holds the generations it was stored under, so a purge makes it
    unreachable here too; and it is dropped when it expires in the cache."""

    def __init__(self, size=200):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[-1] < time.time():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


_recent = RecentEntries()


def _generations(cache, host, path, may_query_database):
    """(global generation, site key, path generation) of a request, or None
    when no site answers its host, or when the sites would have to be read
    from the database and ``may_query_database`` is False (before Django is
    entered).

    With the sites this process holds, both generations are read in one
    round trip (one MGET on Redis), and the path's is used only if the
    global one is still the one those sites were read under. Otherwise the
    global generation is read, the sites again, then the path's."""
    loaded_under, sites = _site_map
    site_key = site_for_host(sites, *host) if loaded_under is not None else None
    token = None
    if site_key is not None:
        key = path_key(site_key, path)
        found = cache.get_many([GLOBAL_KEY, key])
        token = found.get(GLOBAL_KEY)
        if token == loaded_under:
            return token, site_key, found.get(key) or path_token(cache, key)
    token = token or current_global_token(cache)
    if loaded_under != token:
        if not may_query_database:
            return None
        sites = load_sites(token)
    site_key = site_for_host(sites, *host)
    if site_key is None:
        return None
    return token, site_key, path_token(cache, path_key(site_key, path))


@dataclass
class Lookup:
    """A request the cache may answer: its entry key, and what it found."""

    entry_key: str
    head: bool
    entry: tuple | None = None


def lookup(environ, may_query_database=False):
    """The cache's answer for a WSGI environ (or a request's META): a
    ``Lookup`` (``entry`` None on a miss), or None when the cache must not be
    used for this request."""
    if not enabled():
        return None
    method = environ.get("REQUEST_METHOD")
    if method not in ("GET", "HEAD"):
        return None
    path = _path(environ)
    if path.startswith(NEVER_PATHS) or _has_cookie(environ, _cookie_names()):
        return None
    host = validated_host(environ)
    if host is None:
        return None
    cache = store()
    generations = _generations(cache, host, path, may_query_database)
    if generations is None:
        return None
    token, site_key, generation = generations
    key = "psg-page-cache:entry:" + digest(
        ENTRY_FORMAT,
        site_key,
        _scheme(environ),
        path,
        environ.get("QUERY_STRING", ""),
        token,
        generation,
    )
    entry = _recent.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            _recent.put(key, entry)
    return Lookup(key, method == "HEAD", entry)


def storable(request, response):
    """Whether a response may be stored (see the module's docstring)."""
    if response.status_code not in STORED_STATUSES or response.streaming:
        return False
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    control = {
        part.strip().split("=", 1)[0].lower()
        for part in response.get("Cache-Control", "").split(",")
    }
    if "public" not in control or control & {"private", "no-store", "no-cache"}:
        return False
    vary = {
        part.strip().lower()
        for part in response.get("Vary", "").split(",")
        if part.strip()
    }
    return vary <= HARMLESS_VARY


def save(found, response):
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in NOT_STORED
    ]
    timeout = settings.PSG_PAGE_CACHE_SECONDS
    entry = (
        response.status_code,
        response.reason_phrase,
        headers,
        response.content,
        time.time() + timeout,
    )
    store().set(found.entry_key, entry, timeout=timeout)


def as_response(found):
    """The stored entry as a Django response (the middleware's hit)."""
    status, _reason, headers, body, _expires = found.entry
    response = HttpResponse(b"" if found.head else body, status=status)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(body))
    response[HEADER] = "HIT"
    return response


def wsgi_hit(found, start_response):
    """The stored entry answered straight from WSGI (psg.wsgi)."""
    status, reason, headers, body, _expires = found.entry
    start_response(
        f"{status} {reason}",
        [*headers, ("Content-Length", str(len(body))), (HEADER, "HIT")],
    )
    return [b"" if found.head else body]


_last_warned = [0.0]


def answer_or_none(environ, may_query_database=False):
    """``lookup``, or None when the cache cannot be read (Redis down): the
    page is then rendered, never served from a copy a purge may have missed."""
    try:
        return lookup(environ, may_query_database)
    except Exception as error:
        if time.monotonic() - _last_warned[0] > 60:
            _last_warned[0] = time.monotonic()
            logger.warning("The page cache cannot be read (%s): rendering", error)
        return None


class PageCacheMiddleware:
    """The first middleware: answer from the cache, or store the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = request.META.pop("psg.page_cache", None) or answer_or_none(
            request.META, may_query_database=True
        )
        if found is not None and found.entry is not None:
            return as_response(found)
        response = self.get_response(request)
        if found is not None:
            if storable(request, response):
                try:
                    save(found, response)
                except Exception:
                    logger.exception("A page could not be stored in the cache")
            response[HEADER] = "MISS"
        return response


def wrap_wsgi(application):
    """Django's WSGI application with the cache looked up first: a hit is
    answered without entering Django (no request object, no middleware)."""

    def cached_application(environ, start_response):
        found = answer_or_none(environ)
        if found is not None and found.entry is not None:
            return wsgi_hit(found, start_response)
        if found is not None:
            environ["psg.page_cache"] = found
        return application(environ, start_response)

    return cached_application


def purge_paths(urls):
    """Forget every stored variant of each URL's path (query strings too)."""
    cache = store()
    sites = load_sites(current_global_token(cache))
    keys = {}
    for url in urls:
        site_key = site_key_for_url(sites, url)
        if site_key is not None:
            path = unquote(urlsplit(url).path) or "/"
            keys[path_key(site_key, path)] = new_token()
    if keys:
        cache.set_many(keys, timeout=None)


def purge_all():
    """Forget every stored page of every site."""
    store().set(GLOBAL_KEY, new_token(), timeout=None)
