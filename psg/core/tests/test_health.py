"""GET /healthz/ (psg.core.health): what Varnish's probe and a load balancer
see of an app node. The database-down answer is checked against a stopped
PostgreSQL in test_faults.py."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_probe_answers_ok_after_asking_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")


def test_the_probe_is_never_cached_and_sets_no_cookie(client):
    response = client.get("/healthz/")
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_the_probe_takes_only_get_and_head(client):
    assert client.head("/healthz/").status_code == 200
    assert client.post("/healthz/").status_code == 405
