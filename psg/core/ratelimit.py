"""Fixed-window rate limits with an atomic counter.

Limits are named in settings.PSG_RATE_LIMITS as "count/period", the period
being s, m, h or d: {"join-ip": "5/h"}. A view asks ``over_limit(name, key)``
for each key it limits by (the client's IP address, a normalised email
address) and answers 429 with ``rate_limited(request)`` when any is over.

The count is one atomic step, so a burst of simultaneous requests lets
exactly the limit through: Redis INCR when PSG_RATE_LIMIT_REDIS_URL is set,
otherwise an upsert of a database row (``core.RateCounter``). When Redis
fails the database counts instead; when the database fails too the request
counts as over the limit (a 429, never a 500, never unlimited). See
docs/security.md, "Rate limits".
"""

import hashlib
import logging
import time

import redis

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection
from django.shortcuts import render

from .models import RateCounter

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Redis is asked with short timeouts: a stalled server must not stall forms.
REDIS_TIMEOUT = 0.5
# How often SQLite's "table is locked" is tried again, a little later each time.
SQLITE_LOCKED_TRIES = 20
_clients = {}


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


def _redis():
    url = getattr(settings, "PSG_RATE_LIMIT_REDIS_URL", "")
    if not url:
        return None
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT,
            socket_connect_timeout=REDIS_TIMEOUT,
        )
    return _clients[url]


def _redis_count(client, bucket, window, period, increment):
    key = f"psg:ratelimit:{bucket}:{window}"
    if not increment:
        return int(client.get(key) or 0)
    with client.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, period + 5)
        used, _ = pipe.execute()
    return used


def _database_count(bucket, window, period, increment):
    if not increment:
        row = RateCounter.objects.filter(bucket=bucket, window=window).first()
        return row.hits if row else 0
    quote = connection.ops.quote_name
    table, bucket_, window_, hits, expires = (
        quote(name)
        for name in (RateCounter._meta.db_table, "bucket", "window", "hits", "expires")
    )
    now = int(time.time())
    sql = (
        f"INSERT INTO {table} ({bucket_}, {window_}, {hits}, {expires}) "  # noqa: S608
        "VALUES (%s, %s, 1, %s) "
        f"ON CONFLICT ({bucket_}, {window_}) "
        f"DO UPDATE SET {hits} = {table}.{hits} + 1 RETURNING {hits}"
    )
    # One statement: the row is made or counted atomically (PostgreSQL, and
    # SQLite from 3.35). SQLite answers "locked" instead of waiting when
    # another connection writes the same table at that instant: try again.
    for attempt in range(SQLITE_LOCKED_TRIES):
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, [bucket, window, now + period + 5])
                used = cursor.fetchone()[0]
            break
        except OperationalError as error:
            locked = connection.vendor == "sqlite" and "locked" in str(error)
            if not locked or attempt == SQLITE_LOCKED_TRIES - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    if used == 1:
        # A new window: the ended ones go. Tidying only: if SQLite has the
        # table locked this instant, the next new window does it.
        try:
            RateCounter.objects.filter(expires__lt=now).delete()
        except OperationalError:
            if connection.vendor != "sqlite":
                raise
    return used


def count(name, key, increment=True):
    """Count one more use of ``name`` by ``key`` (or only read the count);
    how many uses this window has seen."""
    _, period = parse_limit(settings.PSG_RATE_LIMITS[name])
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{name}:{key}".encode()).hexdigest()[:32]
    bucket = f"{name}:{digest}"
    client = _redis()
    if client is not None:
        try:
            return _redis_count(client, bucket, window, period, increment)
        except redis.RedisError:
            logger.warning("Rate limit: Redis failed, counting in the database")
    return _database_count(bucket, window, period, increment)


def over_limit(name, key, increment=True):
    """Count one more use of ``name`` by ``key``; True once past the limit."""
    limit, _ = parse_limit(settings.PSG_RATE_LIMITS[name])
    try:
        used = count(name, key, increment)
    except DatabaseError:
        logger.exception("Rate limit: no counter answered; refusing for now")
        return True
    return used > limit if increment else used >= limit


def rate_limited(request, retry_after=3600):
    """The 429 answer: a clear page, not an error."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response
