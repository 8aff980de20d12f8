"""What a partner's developer sees of the API, in Chromium, with axe."""

import http.server
import threading

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FETCH_JSON = """async (address) => {
  const response = await fetch(address);
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: await response.json(),
  };
}"""


def test_the_api_reference_passes_axe_and_reads_without_javascript(
    page, new_context, step
):
    page.goto("/api/v1/docs/")
    expect(page.locator("h1")).to_have_text("Partners' API")
    endpoints = page.get_by_role("navigation", name="Endpoints")
    endpoints.get_by_role("link", name="GET /api/v1/news/").first.click()
    expect(page).to_have_url("/api/v1/docs/#news_list")
    parameters = page.get_by_role("table", name="Parameters of /api/v1/news/")
    expect(parameters.get_by_role("rowheader", name="region")).to_be_visible()
    page.get_by_role("link", name="PaginatedNewsList").first.click()
    expect(page.get_by_role("heading", name="PaginatedNewsList")).to_be_visible()
    step(page, "reference")

    without_javascript = new_context(java_script_enabled=False).new_page()
    without_javascript.goto("/api/v1/docs/#object-NewsDetail")
    fields = without_javascript.get_by_role("table", name="Fields of NewsDetail")
    expect(fields.get_by_role("rowheader", name="body")).to_be_visible()


@pytest.fixture
def partner_page():
    """A partner's own page, served from another local server: another origin,
    and without the site's Content-Security-Policy (which lets the site's own
    pages connect only to the site)."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b"<!doctype html><title>Partner</title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_page_on_another_origin_can_read_the_api(
    new_context, demo_site, partner_page
):
    page = new_context().new_page()
    page.goto(partner_page)
    answer = page.evaluate(FETCH_JSON, f"{demo_site}/api/v1/news/?page_size=3")
    assert answer["status"] == 200
    assert answer["cacheControl"] == "public, max-age=300"
    assert answer["body"]["count"] > 3
    first = answer["body"]["results"][0]
    assert first["url"].startswith("http") and first["title"]
