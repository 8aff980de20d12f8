"""The embedded page cache: what it serves, what it never stores, and that
its key cannot be poisoned (docs/caching.md)."""

import io
import socket

import pytest

from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from wagtail.models import PageViewRestriction

from psg.core.page_cache import wrap_wsgi
from psg.news.tests.factories import NewsPageFactory

from .page_cache_fixtures import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index, committed):
    publish(news_index)
    page = NewsPageFactory(parent=news_index, title="Mining conflict in Cajamarca")
    return committed(publish, page)


def test_a_public_page_is_served_from_the_cache_the_second_time(
    client, page_cache, article
):
    first = client.get(article.url)
    second = client.get(article.url)

    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Mining conflict in Cajamarca" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_keeps_the_security_headers(
    client, page_cache, article, settings
):
    settings.SECURE_HSTS_SECONDS = 3600
    client.get(article.url, secure=True)
    hit = client.get(article.url, secure=True)

    assert hit["X-Cache"] == "HIT"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["Strict-Transport-Security"] == "max-age=3600"
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert "public" in hit["Cache-Control"]


def test_head_is_answered_from_the_get_entry(client, page_cache, article):
    body = client.get(article.url).content
    head = client.head(article.url)

    assert head["X-Cache"] == "HIT"
    assert head.content == b""
    assert head["Content-Length"] == str(len(body))


def test_each_query_string_is_its_own_entry(client, page_cache, article, news_index):
    client.get("/news/")
    other = client.get("/news/?page=2")
    again = client.get("/news/?page=2")

    assert other["X-Cache"] == "MISS"
    assert again["X-Cache"] == "HIT"
    assert client.get("/news/")["X-Cache"] == "HIT"


def test_a_missing_page_is_cached_too(client, page_cache, article):
    client.get("/no-such-page/")
    again = client.get("/no-such-page/")

    assert again.status_code == 404
    assert again["X-Cache"] == "HIT"


def test_a_visitor_with_a_session_or_csrf_cookie_is_never_served_from_it(
    client, page_cache, article, settings
):
    client.get(article.url)
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        client.cookies.clear()
        client.cookies[name] = "abc"
        response = client.get(article.url)
        assert response.status_code == 200
        assert "X-Cache" not in response


def test_forms_and_the_admin_are_never_stored(client, page_cache, article):
    for path in ("/bulletin/subscribe/", "/admin/login/"):
        client.get(path)
        client.cookies.clear()
        again = client.get(path)
        assert again.get("X-Cache") != "HIT", path
        assert "public" not in again.get("Cache-Control", "")


def test_a_private_page_is_never_stored(client, page_cache, article, committed):
    committed(
        PageViewRestriction.objects.create,
        page=article,
        restriction_type=PageViewRestriction.LOGIN,
    )
    first = client.get(article.url)
    second = client.get(article.url)

    assert first.status_code == second.status_code == 302
    assert second.get("X-Cache") != "HIT"
    assert "Mining conflict" not in second.content.decode()


def test_off_the_cache_stores_nothing(client, page_cache, article, settings):
    settings.PSG_PAGE_CACHE = False
    client.get(article.url)

    assert "X-Cache" not in client.get(article.url)


# Host poisoning


def test_a_forged_host_gets_a_400_and_leaves_nothing_behind(
    client, page_cache, article
):
    forged = client.get(article.url, HTTP_HOST="evil.example")
    honest = client.get(article.url)

    assert forged.status_code == 400
    assert "X-Cache" not in forged
    assert honest["X-Cache"] == "MISS"


def test_a_forwarded_host_cannot_poison_the_sites_entry(
    client, page_cache, article, settings
):
    first = client.get(article.url, HTTP_X_FORWARDED_HOST="evil.example")
    honest = client.get(article.url)

    assert first["X-Cache"] == "MISS"
    assert honest["X-Cache"] == "HIT"
    assert "evil.example" not in honest.content.decode()

    # Were the forwarded host trusted, the cache would stand aside.
    settings.USE_X_FORWARDED_HOST = True
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "evil.example"]
    trusted = client.get(article.url, HTTP_X_FORWARDED_HOST="evil.example")
    assert "X-Cache" not in trusted


def test_another_allowed_host_of_the_same_site_shares_its_entries(
    client, page_cache, article, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "www.example.org"]
    client.get(article.url)
    other = client.get(article.url, HTTP_HOST="www.example.org")

    # Wagtail serves the default site to both, so both read one entry.
    assert other["X-Cache"] == "HIT"


# The WSGI entry point answers a hit before Django is entered.


def call_wsgi(application, path):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture
def test_connection_kept():
    """Django's handler closes a connection in a transaction when a request
    starts and ends; the test's transaction must outlive the requests (the
    test client disconnects the same handlers)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_the_wsgi_entry_answers_a_hit_without_entering_django(
    page_cache, article, test_connection_kept
):
    application = wrap_wsgi(WSGIHandler())
    entered = []

    def count(**kwargs):
        entered.append(1)

    request_started.connect(count)
    try:
        status, headers, body = call_wsgi(application, article.url)
        assert status == "200 OK"
        assert headers["X-Cache"] == "MISS"
        assert len(entered) == 1

        status, headers, cached = call_wsgi(application, article.url)
    finally:
        request_started.disconnect(count)

    assert status == "200 OK"
    assert headers["X-Cache"] == "HIT"
    assert cached == body
    assert headers["X-Frame-Options"] == "DENY"
    assert len(entered) == 1


def redis_pages(settings, url):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "psg-pages-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }


def test_in_redis_the_cache_serves_and_is_purged(
    client, page_cache, article, settings, committed
):
    redis_pages(settings, "redis://127.0.0.1:6379/15")
    caches["pages"].clear()
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "HIT"

    article.title = "Mining conflict resolved"
    committed(publish, article)

    fresh = client.get(article.url)
    assert fresh["X-Cache"] == "MISS"
    assert "Mining conflict resolved" in fresh.content.decode()
    caches["pages"].clear()


def test_a_cache_that_cannot_be_reached_stands_aside(
    client, page_cache, article, settings
):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    working = settings.CACHES
    redis_pages(settings, f"redis://127.0.0.1:{closed_port}/0")
    try:
        response = client.get(article.url)
    finally:
        settings.CACHES = working

    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "Mining conflict in Cajamarca" in response.content.decode()


def test_a_hit_reads_both_generations_in_one_round_trip(
    page_cache, article, settings, test_connection_kept, monkeypatch
):
    """On Redis every read is a round trip: a hit of a page this process has
    served reads the site's and the path's generations in one MGET, and
    nothing else."""
    redis_pages(settings, "redis://127.0.0.1:6379/15")
    pages = caches["pages"]
    pages.clear()
    application = wrap_wsgi(WSGIHandler())
    call_wsgi(application, article.url)  # rendered and stored
    assert call_wsgi(application, article.url)[1]["X-Cache"] == "HIT"
    calls = []

    def counted(name):
        method = getattr(pages, name)

        def call(*args, **kwargs):
            calls.append(name)
            return method(*args, **kwargs)

        return call

    for name in ("get", "get_many", "add", "set", "set_many"):
        monkeypatch.setattr(pages, name, counted(name))
    try:
        status, headers, _ = call_wsgi(application, article.url)
    finally:
        pages.clear()
    assert (status, headers["X-Cache"]) == ("200 OK", "HIT")
    assert calls == ["get_many"]
