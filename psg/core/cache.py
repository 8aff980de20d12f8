"""Django's Redis cache, kept up when Redis is not.

With REDIS_URL set, the site's cache (Wagtail's site lookups, the regions
map's counts, the public forms' rate limits) lives in Redis. Django's
RedisCache raises when Redis is down, and every page would answer 500.
``FailSafeRedisCache`` answers each operation that cannot reach Redis from a
cache in the web worker's own memory instead, and logs it (at most once a
minute): pages are still served, and a rate limit still counts, per worker
process, until Redis is back, when redis-py reconnects by itself. See
docs/security.md#faults-survived.
"""

import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_EVERY = 60  # seconds


def _fail_safe(name):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(FailSafeRedisCache, self), name)(*args, **kwargs)
        except REDIS_DOWN as error:
            self._redis_down(error)
            return getattr(self.fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or the in-memory cache if Redis is down."
    return method


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.fallback = LocMemCache(
            f"psg-redis-fallback-{id(self)}",
            {key: value for key, value in params.items() if key != "OPTIONS"},
        )
        self._last_logged = 0.0

    def _redis_down(self, error):
        now = time.monotonic()
        if now - self._last_logged > LOG_EVERY:
            self._last_logged = now
            logger.warning(
                "Redis cannot be reached (%s): using the worker's memory", error
            )

    add = _fail_safe("add")
    get = _fail_safe("get")
    set = _fail_safe("set")
    touch = _fail_safe("touch")
    delete = _fail_safe("delete")
    get_many = _fail_safe("get_many")
    has_key = _fail_safe("has_key")
    incr = _fail_safe("incr")
    set_many = _fail_safe("set_many")
    delete_many = _fail_safe("delete_many")
    clear = _fail_safe("clear")
