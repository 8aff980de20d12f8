"""Redis stopped while the site serves (docs/security.md#faults-survived):
pages and the public forms still answer, and the form's rate limit still
holds, counted in the web worker's memory until Redis is back."""

import re

import httpx
import pytest
import redis

from .processes import site_env
from .services import Gunicorn, OwnRedis, migrated_sqlite

pytestmark = pytest.mark.worker


def hidden_fields(html):
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and ('type="hidden"' in tag or 'type="checkbox"' in tag):
            fields.setdefault(name.group(1), []).append(value.group(1) if value else "")
    return fields


def subscribe(client, email):
    """GET the sign-up form (its CSRF cookie and token), then POST it."""
    form = client.get("/bulletin/subscribe/")
    assert form.status_code == 200
    data = {**hidden_fields(form.text), "email": [email], "name": ["Rosa"]}
    return client.post("/bulletin/subscribe/", data=data)


@pytest.fixture
def redis_server():
    server = OwnRedis()
    yield server
    server.close()


def test_redis_stopped_pages_and_forms_still_answer(tmp_path, redis_server):
    env = site_env(
        tmp_path,
        REDIS_URL=redis_server.url,
        ALLOWED_HOSTS="127.0.0.1",
        PSG_JOIN_MIN_SECONDS="0",
        PSG_RATE_SUBSCRIBE_IP="2/h",
    )
    migrated_sqlite(env)
    site = Gunicorn(env, workers=1, threads=2)
    try:
        with httpx.Client(base_url=site.base, timeout=20) as client:
            assert client.get("/").status_code == 200
            assert subscribe(client, "one@example.org").status_code == 302
            counted = redis.Redis.from_url(redis_server.url).keys("*ratelimit*")
            assert counted, "the limit is counted in Redis while it runs"

            redis_server.stop()
            assert client.get("/").status_code == 200
            assert client.get("/join/").status_code == 200
            refused = client.post(
                "/join/", data=hidden_fields(client.get("/join/").text)
            )
            assert refused.status_code == 200  # the form again, with its errors
            assert "<title>Error: Join the Peru Support Group" in refused.text
            # The limit (2 an hour from one address) still holds, in memory.
            assert subscribe(client, "two@example.org").status_code == 302
            assert subscribe(client, "three@example.org").status_code == 302
            assert subscribe(client, "four@example.org").status_code == 429

            redis_server.start()
            assert client.get("/").status_code == 200
            assert subscribe(client, "five@example.org").status_code == 302
    finally:
        log = site.close()
    assert " 500 " not in log
