"""What the app nodes share: a staff session made on one node is valid on
the other (sessions live in PostgreSQL); the rate limits count in Redis
across both nodes; an entry one node writes in the Redis cache is what the
other reads."""

import re
import uuid

import pytest
import redis
from local_stack import get
from playwright.sync_api import expect

pytestmark = pytest.mark.stack


def test_a_staff_session_from_one_node_is_valid_on_the_other(
    stack, staff_user, staff_sign_in, new_page
):
    node_a, node_b = stack.node_urls
    page = new_page(node_a)
    staff_sign_in(page, *staff_user("session-check"))
    # Cookies belong to the host, not the port: the browser sends the same
    # session to the other node.
    page.goto(node_b + "/admin/")
    expect(page).to_have_url(node_b + "/admin/")
    # The dashboard, not the sign-in form.
    expect(page.get_by_label("Password")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Peru Support Group")


def test_the_subscribe_rate_limit_counts_requests_on_both_nodes(stack, new_page):
    # PSG_RATE_SUBSCRIBE_IP is 4/h in the stack tests (conftest.STACK_ENV).
    outcomes = []
    page = new_page(stack.node_urls[0])
    for number in range(6):
        page.goto(stack.node_urls[number % 2] + "/bulletin/subscribe/")
        page.get_by_label("Email address").fill(f"limit{number}@example.org")
        boxes = page.locator('input[type="checkbox"][name="series"]')
        if boxes.count():
            boxes.first.check()
        page.get_by_role("button", name="Subscribe").click()
        page.wait_for_load_state()
        outcomes.append(page.locator("h1").inner_text())
    assert outcomes[4:] == ["Too many attempts"] * 2, outcomes
    assert "Too many attempts" not in outcomes[:4], outcomes


def region_row(body, slug):
    """The regions page's table row for ``slug``: the region's name shown."""
    match = re.search(
        rf'<th scope="row"><a href="[^"]*/{re.escape(slug)}/">([^<]*)</a>', body
    )
    assert match, f"no row for {slug}"
    return match[1]


def test_a_cache_entry_written_by_one_node_is_read_by_the_other(stack, stack_db):
    cache = redis.Redis.from_url(stack.redis_url)
    for key in cache.scan_iter("*region-activity*"):
        cache.delete(key)
    with stack_db() as connection:
        slug, name = connection.execute(
            "SELECT slug, name FROM taxonomy_region ORDER BY slug LIMIT 1"
        ).fetchone()

    def regions_page(node):
        # A query string of its own each time: no page cache answers.
        url = f"{stack.node_urls[node]}/regions/?check={uuid.uuid4().hex}"
        status, _, body = get(url, host=stack.host)
        assert status == 200
        return body.decode()

    # Node A counts the regions and keeps the result in Redis.
    assert region_row(regions_page(0), slug) == name
    assert list(cache.scan_iter("*region-activity*"))
    renamed = f"{name} renamed"
    with stack_db() as connection:
        # Behind the site's back: no signal drops the cached counts.
        connection.execute(
            "UPDATE taxonomy_region SET name = %s WHERE slug = %s", [renamed, slug]
        )
    try:
        # Node B shows what node A cached, not what the database now says…
        assert region_row(regions_page(1), slug) == name
        # …until the entry is gone.
        for key in cache.scan_iter("*region-activity*"):
            cache.delete(key)
        assert region_row(regions_page(1), slug) == renamed
    finally:
        with stack_db() as connection:
            connection.execute(
                "UPDATE taxonomy_region SET name = %s WHERE slug = %s", [name, slug]
            )
