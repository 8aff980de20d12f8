"""What Varnish keys a page by (deploy/varnish/psg.vcl): campaign parameters
and the order of the others do not split the cache; any other query does;
the Host's case and port do not."""

import time

import pytest
from local_stack import get

pytestmark = pytest.mark.stack


def cache_status(stack, path, host=None):
    status, headers, _ = get(stack.varnish_url + path, host=host or stack.host)
    return status, headers.get("X-Cache")


def fresh_path(stack, base):
    """``base`` with a query of its own, so earlier tests' entries play no
    part, and cached once (a MISS, then a HIT)."""
    path = f"{base}?run={time.time_ns()}"
    assert cache_status(stack, path) == (200, "MISS")
    assert cache_status(stack, path) == (200, "HIT")
    return path


def test_campaign_parameters_are_served_from_the_page_cached_without_them(stack):
    path = fresh_path(stack, "/publications/")
    for variant in (
        f"{path}&utm_source=newsletter",
        f"{path}&utm_medium=email&fbclid=abc&gclid=1",
        path.replace("?", "?utm_campaign=x&") + "&",
    ):
        assert cache_status(stack, variant) == (200, "HIT"), variant


def test_the_order_of_parameters_does_not_split_the_cache(stack):
    path = fresh_path(stack, "/news/")
    reordered = "/news/?page=1&" + path.split("?", 1)[1]
    assert cache_status(stack, path + "&page=1") == (200, "MISS")
    assert cache_status(stack, reordered) == (200, "HIT")


def test_another_parameter_is_another_page(stack):
    path = fresh_path(stack, "/news/")
    assert cache_status(stack, path + "&page=2") == (200, "MISS")


def test_the_host_case_and_port_do_not_split_the_cache(stack):
    path = fresh_path(stack, "/events/")
    assert cache_status(stack, path, host=stack.host.upper() + ":8080") == (
        200,
        "HIT",
    )
