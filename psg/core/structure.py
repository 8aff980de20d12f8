"""What every page view reads about the site and rarely changes, kept by each
worker process until an editor changes it.

Every page shows the site chrome (psg.core.chrome), is found through its
Site, and is checked for view restrictions; reading those costs queries on
every request though they change a few times a year. ``kept(name, build)``
keeps what ``build()`` returns in the worker's memory together with the
*structure version* it was read under. The version lives in Django's default
cache, shared by every worker (Redis in production, files by default), so
one cache read per request tells a worker whether its copies still hold.

Saving or deleting any of the ``WATCHED`` models (the settings and their
links, a Site, a page, a view restriction) sets a new version once the
transaction commits, so the next request of every worker reads them again;
the worker that made the change drops its own copies at once. See
docs/architecture.md, "What is cached".
"""

import uuid

from django.core.cache import cache
from django.db import connection, transaction

VERSION_KEY = "psg.core.structure.version"

# Models whose rows the kept values are made from: filled by ``watch``.
WATCHED = []

# name -> (version, value), in this worker process.
_kept = {}


def watch(*models):
    """Set a new version whenever a row of one of ``models`` (or of a
    subclass) is saved or deleted (connected in CoreConfig.ready)."""
    WATCHED.extend(models)


def version(request=None):
    """The current structure version (read once per request), made anew if
    the cache has lost it."""
    current = getattr(request, "_psg_structure_version", None)
    if current is not None:
        return current
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        current = cache.get(VERSION_KEY)
    if request is not None:
        request._psg_structure_version = current
    return current


def kept(name, build, request=None):
    """``build()``, read again only when the structure version has changed."""
    current = version(request)
    entry = _kept.get(name)
    if current is not None and entry is not None and entry[0] == current:
        return entry[1]
    value = build()
    _kept[name] = (current, value)
    return value


def forget():
    """Drop this process's copies (the next request reads everything again)."""
    _kept.clear()


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate():
    """Drop this process's copies now, and set a new version for every
    worker when the transaction commits (at once outside one); a transaction
    that changes many rows sets it once."""
    forget()
    pending = connection.in_atomic_block and any(
        func is _new_version for _, func, _ in connection.run_on_commit
    )
    if not pending:
        transaction.on_commit(_new_version)


def changed(sender, instance=None, **kwargs):
    """Signal receiver: a row was saved or deleted, a page moved or published."""
    if isinstance(instance, tuple(WATCHED)):
        invalidate()
