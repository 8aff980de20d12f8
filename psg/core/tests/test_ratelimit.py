"""Rate limits hold under a burst: an atomic counter in the database, or in
Redis when REDIS_URL is set (docs/security.md, "Rate limits")."""

import threading

import pytest

from django.db import connection, connections

from psg.core import ratelimit
from psg.core.models import RateCounter

BURST = 16
LIMIT = 10
REDIS_URL = "redis://127.0.0.1:6379/15"


def burst(name, key):
    """``BURST`` threads, each with its own database connection, counting
    at the same moment; how many were let through."""
    start = threading.Barrier(BURST)
    passed = []

    def one():
        try:
            start.wait()
            if not ratelimit.over_limit(name, key):
                passed.append(1)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(passed)


@pytest.fixture
def limits(settings):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "signin-ip": "10/h"}
    return settings


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_burst_passes_exactly_the_limit_with_the_database_counter(limits):
    limits.PSG_RATE_LIMIT_REDIS_URL = ""
    assert burst("signin-ip", "203.0.113.9") == LIMIT
    assert ratelimit.over_limit("signin-ip", "203.0.113.9", increment=False)
    # Another address has its own count.
    assert not ratelimit.over_limit("signin-ip", "203.0.113.10")


def redis_or_skip():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    return client


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_burst_passes_exactly_the_limit_with_redis(limits):
    client = redis_or_skip()
    client.flushdb()
    limits.PSG_RATE_LIMIT_REDIS_URL = REDIS_URL
    assert burst("signin-ip", "203.0.113.9") == LIMIT
    # Counted in Redis, not in the database.
    assert not RateCounter.objects.exists()
    client.flushdb()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_redis_down_the_database_counter_holds_the_limit(limits):
    # Nothing listens on port 1: every Redis call fails at once.
    limits.PSG_RATE_LIMIT_REDIS_URL = "redis://127.0.0.1:1/15"
    assert burst("signin-ip", "203.0.113.9") == LIMIT


@pytest.mark.django_db
def test_old_counters_are_purged_when_a_new_window_opens(limits, monkeypatch):
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_000_000.0)
    ratelimit.over_limit("signin-ip", "203.0.113.9")
    assert RateCounter.objects.count() == 1
    # Two hours later the old window's row goes when the new one is made.
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_007_200.0)
    ratelimit.over_limit("signin-ip", "203.0.113.9")
    assert RateCounter.objects.count() == 1
    assert connection.vendor in ("sqlite", "postgresql")
