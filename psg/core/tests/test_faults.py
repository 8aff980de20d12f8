"""Faults survived, with the real services (docs/security.md#faults-survived).

PostgreSQL restarted while the site serves: readers get a short 503 page
with Retry-After during the outage, and the site recovers by itself. Redis
stopped: pages and the join form still answer. Each test runs servers of its
own (psg.core.tests.services), never the machine's shared ones.
"""

import httpx
import pytest

from .processes import site_env
from .services import Gunicorn, OwnPostgres

pytestmark = pytest.mark.worker


def get(server, path="/"):
    return httpx.get(server.base + path, timeout=20)


@pytest.fixture
def postgres():
    server = OwnPostgres()
    yield server
    server.close()


def test_postgresql_restarted_while_the_site_serves(tmp_path, postgres):
    # The render is under test: the page cache would answer from its copy.
    env = site_env(
        tmp_path, postgres.url, ALLOWED_HOSTS="127.0.0.1", PSG_PAGE_CACHE="0"
    )
    postgres.create_site_database(env)
    site = Gunicorn(env, workers=1, threads=2)
    try:
        first = get(site)
        assert first.status_code == 200, site.close()[-3000:]

        postgres.stop()
        for _ in range(3):  # each thread, with its kept connection or a new one
            down = get(site)
            assert down.status_code == 503
            assert down.headers["Retry-After"] == "30"
            assert down.headers["Cache-Control"] == "no-store"
            assert "<h1>Back in a moment</h1>" in down.text
            assert "Traceback" not in down.text
            assert "OperationalError" not in down.text
        # The probe Varnish and load balancers use says so too (psg.core.health).
        probe = get(site, "/healthz/")
        assert (probe.status_code, probe.text) == (503, "database unavailable\n")
        assert probe.headers["Cache-Control"] == "no-store"

        postgres.start()
        # No restart of the site: the very next requests reconnect.
        assert [get(site).status_code for _ in range(4)] == [200] * 4
        assert get(site, "/healthz/").text == "ok\n"
    finally:
        log = site.close()
    assert "Worker failed to boot" not in log
