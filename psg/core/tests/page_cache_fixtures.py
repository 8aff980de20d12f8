"""Fixtures for the tests of the embedded page cache and of purging: the
cache turned on (the test settings leave it off), a Varnish stand-in that
records what it is sent, and publishing as an editor does, with the
transaction's on-commit purges run."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.core.cache import cache, caches

from psg.core import purging

EMBEDDED = {"BACKEND": "psg.core.purge_backends.EmbeddedCacheBackend"}


@pytest.fixture
def page_cache(settings):
    """The embedded page cache on, empty, with its purge backend."""
    settings.PSG_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {"embedded": EMBEDDED}
    caches["pages"].clear()
    cache.clear()
    purging.discard_pending()
    yield caches["pages"]
    caches["pages"].clear()
    cache.clear()


class RecordingVarnish(ThreadingHTTPServer):
    """A real HTTP server that answers PURGE and BAN as the VCL does and
    records (method, path, Host) of each."""

    daemon_threads = True

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), RecordingHandler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def purged_paths(self):
        return {path for method, path, _host in self.received if method == "PURGE"}


class RecordingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, text):
        self.server.received.append((self.command, self.path, self.headers["Host"]))
        body = text.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.answer("Purged")

    def do_BAN(self):  # noqa: N802
        self.answer("Banned")

    def log_message(self, format, *args):
        pass


@pytest.fixture
def varnish(settings, page_cache):
    """A Varnish stand-in purged beside the embedded cache."""
    server = RecordingVarnish()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "embedded": EMBEDDED,
        "varnish": {
            "BACKEND": "psg.core.purge_backends.VarnishBackend",
            "LOCATION": server.url,
        },
    }
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and the purges waiting for its transaction to commit."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def publish(page):
    """Publish ``page`` as an editor does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
