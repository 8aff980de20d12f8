"""Fixed-window rate limits kept in the cache (Redis in production).

Limits are named in settings.PSG_RATE_LIMITS as "count/period", the period
being s, m, h or d: {"join-ip": "5/h"}. A view asks ``over_limit(name, key)``
for each key it limits by (the client's IP address, an email address) and
answers 429 with ``rate_limited(request)`` when any is over.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_limit(text):
    count, _, period = text.partition("/")
    return int(count), PERIODS[period.strip()[-1]] * int(period.strip()[:-1] or 1)


def client_ip(request):
    """The client's address; REMOTE_ADDR unless a trusted proxy says otherwise.

    Behind a proxy set PSG_TRUSTED_PROXY_HEADER (e.g. HTTP_X_FORWARDED_FOR):
    the last address in it is the one the proxy saw.
    """
    header = getattr(settings, "PSG_TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def over_limit(name, key, increment=True):
    """Count one more use of ``name`` by ``key``; True once past the limit."""
    count, period = parse_limit(settings.PSG_RATE_LIMITS[name])
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{name}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{name}:{digest}:{window}"
    if not increment:
        return (cache.get(cache_key) or 0) >= count
    cache.add(cache_key, 0, timeout=period + 5)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period + 5)
        used = 1
    return used > count


def rate_limited(request, retry_after=3600):
    """The 429 answer: a clear page, not an error."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response
