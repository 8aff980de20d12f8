"""The caches: Django's, the embedded page cache and the caches purged on
publish (psg.core.page_cache, psg.core.purging; docs/caching.md), read from
the environment for base.py."""

import os


def page_cache_settings():
    """(PSG_PAGE_CACHE, PSG_PAGE_CACHE_SECONDS, PSG_VARNISH_URLS): the embedded
    cache is on unless PSG_PAGE_CACHE=0; an entry is kept so many seconds at
    most (purges make it go sooner); PSG_VARNISH_URLS lists the Varnish
    servers to purge, separated by commas."""
    switch = os.environ.get("PSG_PAGE_CACHE", "").strip().lower()
    enabled = switch in ("", "1", "true", "yes", "on")
    seconds = int(os.environ.get("PSG_PAGE_CACHE_SECONDS", "600"))
    varnish = [
        url.strip()
        for url in os.environ.get("PSG_VARNISH_URLS", "").split(",")
        if url.strip()
    ]
    return enabled, seconds, varnish


def cache_aliases(redis_url, var_dir):
    """settings.CACHES. "default": files under var/cache, or Redis when
    REDIS_URL is set; a Redis that stops answering does not stop the site
    (psg.core.cache), and the short timeouts keep a Redis that hangs from
    holding requests up. "pages": the page cache (below)."""
    if redis_url:
        caches = {
            "default": {
                "BACKEND": "psg.core.cache.FailSafeRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "psg",
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
    else:
        caches = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(var_dir / "cache"),
            },
            # Wagtail writes every image rendition it shows to this cache, even
            # when it found it there: one file written per image per page view.
            # Without a shared cache it finds renditions in the database
            # instead (listings prefetch them).
            "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        }
    caches["pages"] = page_cache_alias(redis_url, var_dir)
    return caches


def page_cache_alias(redis_url, var_dir):
    """The "pages" cache: Redis when REDIS_URL is set, so that every app node
    shares it and a purge reaches them all; else files under var/cache/pages.
    Each entry's timeout is PSG_PAGE_CACHE_SECONDS, given when it is stored.
    Django's own Redis cache, not the fail-safe one: were each worker to fall
    back to its own memory, a purge would reach one worker only; the page
    cache stands aside instead while Redis is down."""
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "psg-pages",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(var_dir / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }


def frontend_cache_backends(page_cache_on, varnish_urls):
    """settings.WAGTAILFRONTENDCACHE: the embedded cache when it is on, and one
    Varnish backend per address of PSG_VARNISH_URLS."""
    backends = {}
    if page_cache_on:
        backends["embedded"] = {
            "BACKEND": "psg.core.purge_backends.EmbeddedCacheBackend"
        }
    for number, url in enumerate(varnish_urls, start=1):
        backends[f"varnish{number}"] = {
            "BACKEND": "psg.core.purge_backends.VarnishBackend",
            "LOCATION": url,
        }
    return backends
