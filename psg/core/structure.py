"""What every page view reads about the site and rarely changes, kept by each
worker process until an editor changes it.

Every page shows the site chrome (psg.core.chrome), is found through its
Site, and is checked for view restrictions; reading those costs queries on
every request though they change a few times a year. ``kept(name, build)``
keeps what ``build()`` returns in the worker's memory together with the
*version* of its scope it was read under. The versions live in Django's
default cache, shared by every worker (Redis in production, files by
default), so a cache read per request tells a worker whether its copies
still hold. psg.core.invalidation sets new versions when an editor changes
what they are made from, once the transaction commits, so the next request
of every worker reads them again; the worker that made the change drops its
own copies at once. See docs/architecture.md, "What is cached".
"""

import threading
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection, transaction

# Two versions, so that what a page view needs most often is not read again
# each time any page is published:
# - CONTENT: the chrome, what links to pages (a published page may have a
#   new address) and the kept parts of pages: set anew when a page is
#   published, unpublished, moved or deleted, and when anything a page may
#   show changes (settings, Sites, snippets, images, documents, redirects);
# - TREE: the Sites and view restrictions: set anew when a Site, a view
#   restriction, an alias, a site's root page or the tree's shape changes.
CONTENT = "content"
TREE = "tree"
VERSION_KEYS = {
    CONTENT: "psg.core.structure.content",
    TREE: "psg.core.structure.tree",
}

# (scope, name) -> (version, value), in this worker process.
_kept = {}

# Rendered parts of pages and the pages routed to (``kept_recent``), the
# least recently used dropped past MAX_PARTS: key -> (version, expiry or
# None, value). A part is a few KiB, so a worker keeps at most some tens of
# MiB of them.
MAX_PARTS = 3000
_parts = OrderedDict()
_parts_lock = threading.Lock()


class _RequestVersions(threading.local):
    seen = None


# The versions read during the request this thread is serving, for code that
# has no request at hand (a listing's vocabularies): set by ``for_request``.
_request_versions = _RequestVersions()


@contextmanager
def for_request(request):
    """While serving ``request``: each version is read once, by whatever
    asks for it (psg.core.middleware.SiteRoutingMiddleware)."""
    _request_versions.seen = request._psg_structure_versions = {}
    try:
        yield
    finally:
        _request_versions.seen = None


def version(scope=CONTENT, request=None):
    """The current version of ``scope`` (read once per request), made anew
    if the cache has lost it."""
    seen = getattr(request, "_psg_structure_versions", None)
    if seen is None:
        seen = _request_versions.seen
    if seen is not None and scope in seen:
        return seen[scope]
    key = VERSION_KEYS[scope]
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        current = cache.get(key)
    if seen is None and request is not None:
        seen = request._psg_structure_versions = {}
    if seen is not None:
        seen[scope] = current
    return current


def kept(name, build, request=None, scope=CONTENT):
    """``build()``, read again only when the version of ``scope`` changed."""
    current = version(scope, request)
    entry = _kept.get((scope, name))
    if current is not None and entry is not None and entry[0] == current:
        return entry[1]
    value = build()
    _kept[(scope, name)] = (current, value)
    return value


def kept_recent(key, build, request=None, timeout=None):
    """``build()`` (a part of a page rendered, a page), read again when the CONTENT
    version changed (anything a page may show was published or edited), when
    ``timeout`` seconds have passed (for parts that change with the time, such
    as the upcoming events), or once dropped as the least recently used."""
    current = version(CONTENT, request)
    now = time.monotonic()
    with _parts_lock:
        entry = _parts.get(key)
        if entry is not None and entry[0] == current and now < (entry[1] or now + 1):
            _parts.move_to_end(key)
            return entry[2]
    value = build()
    with _parts_lock:
        _parts[key] = (current, None if timeout is None else now + timeout, value)
        _parts.move_to_end(key)
        while len(_parts) > MAX_PARTS:
            _parts.popitem(last=False)
    return value


def forget_recent():
    """Drop this process's kept parts of pages and pages (``kept_recent``):
    the next view of each page renders it whole, as after a publish."""
    with _parts_lock:
        _parts.clear()


def forget(*scopes):
    """Drop this process's copies of ``scopes`` (all without any)."""
    for key in list(_kept):
        if not scopes or key[0] in scopes:
            _kept.pop(key, None)
    if not scopes or CONTENT in scopes:
        forget_recent()


def _new_content_version():
    cache.set(VERSION_KEYS[CONTENT], uuid.uuid4().hex, timeout=None)


def _new_tree_version():
    cache.set(VERSION_KEYS[TREE], uuid.uuid4().hex, timeout=None)


NEW_VERSION = {CONTENT: _new_content_version, TREE: _new_tree_version}


def invalidate(*scopes):
    """Drop this process's copies of ``scopes`` (both without any) now, and
    set their new versions for every worker when the transaction commits (at
    once outside one); a transaction that changes many rows sets each once."""
    scopes = scopes or (CONTENT, TREE)
    forget(*scopes)
    for scope in scopes:
        new_version = NEW_VERSION[scope]
        pending = connection.in_atomic_block and any(
            func is new_version for _, func, _ in connection.run_on_commit
        )
        if not pending:
            transaction.on_commit(new_version)
