"""One app node dies (SIGKILL, as when its machine goes): readers going
through Varnish keep getting pages, from the other node, with no 5xx."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from local_stack import get

pytestmark = pytest.mark.stack

PATHS = ["/", "/news/", "/publications/", "/events/"]


def burst(stack, count, label):
    """``count`` reader requests through Varnish, 8 at a time; each asks for
    a URL Varnish has not cached, so each goes to an app node."""

    def read(number):
        path = PATHS[number % len(PATHS)]
        url = f"{stack.varnish_url}{path}?reader={label}-{number}"
        return get(url, host=stack.host, timeout=30)[0]

    with ThreadPoolExecutor(8) as pool:
        return Counter(pool.map(read, range(count)))


def test_readers_get_pages_from_the_other_node_when_one_is_killed(stack):
    assert set(burst(stack, 20, "before")) <= {200, 404}
    stack.kill_node(0)
    try:
        with pytest.raises(OSError):
            get(stack.node_urls[0] + "/healthz/", timeout=2)
        statuses = burst(stack, 200, "after")
        assert not [status for status in statuses if status >= 500], statuses
        assert statuses[200] >= 160, statuses
    finally:
        stack.start_node(0)
    # Back in the round: Varnish's probe sees it healthy again.
    assert stack.backend_health() == {"node1": "healthy", "node2": "healthy"}
