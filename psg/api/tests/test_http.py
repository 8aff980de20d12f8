"""How the API behaves over HTTP: cacheable, cookie-free, callable from other
origins, read-only, throttled per client."""

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/api/v1/",
    "/api/v1/news/",
    "/api/v1/publications/",
    "/api/v1/events/",
    "/api/v1/regions/",
    "/api/v1/regions/puno/",
    "/api/v1/topics/",
    "/api/v1/series/",
    "/api/v1/schema/",
]


@pytest.fixture
def addresses(content):
    return [
        *ADDRESSES,
        f"/api/v1/news/{content['letter'].pk}/",
        f"/api/v1/publications/{content['report'].pk}/",
        f"/api/v1/events/{content['talk'].pk}/",
        "/api/v1/series/letter-from-cajamarca/",
    ]


def test_reads_are_publicly_cacheable_and_set_no_cookie(client, addresses):
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Cache-Control"] == "public, max-age=300", address
        assert response["Access-Control-Allow-Origin"] == "*", address
        assert not response.cookies, address
        assert "Cookie" not in response.get("Vary", ""), address


def test_the_cache_lifetime_is_a_setting(client, content, settings):
    settings.PSG_API_CACHE_SECONDS = 60
    assert client.get("/api/v1/news/")["Cache-Control"] == "public, max-age=60"


def test_a_visitor_with_a_session_gets_the_same_public_answer(admin_client, content):
    response = admin_client.get("/api/v1/news/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_errors_carry_the_cors_header_too(client, content):
    for address, status in [
        ("/api/v1/news/?region=atlantis", 400),
        ("/api/v1/news/999999/", 404),
        ("/api/v1/nowhere/", 404),
    ]:
        response = client.get(address)
        assert response.status_code == status
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Content-Type"] == "application/json"
        assert not response.cookies


def test_unknown_addresses_under_the_api_are_json_404s(client, db):
    response = client.get("/api/v1/articles/")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "There is no such endpoint. The endpoints are listed at /api/v1/."
    }


def test_the_root_lists_every_endpoint(client, content):
    links = client.get("/api/v1/").json()
    assert links == {
        name: f"http://testserver/api/v1/{name}/"
        for name in [
            "news",
            "publications",
            "events",
            "regions",
            "topics",
            "series",
            "schema",
            "docs",
        ]
    }
    for link in links.values():
        assert client.get(link).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_reads_are_allowed(method, content):
    # CSRF checks on, as for a browser: a write is refused as a write (405),
    # not for want of a token.
    client = Client(enforce_csrf_checks=True)
    for address in ["/api/v1/news/", f"/api/v1/news/{content['letter'].pk}/"]:
        response = getattr(client, method)(
            address, data={}, content_type="application/json"
        )
        assert response.status_code == 405, address
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response.json()["detail"] == f'Method "{method.upper()}" not allowed.'


def test_head_answers_like_get_without_a_body(client, content):
    response = client.head("/api/v1/news/")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Cache-Control"] == "public, max-age=300"


def test_options_answers_a_cors_preflight(client, content):
    response = client.options(
        "/api/v1/news/",
        headers={
            "Origin": "https://partner.example",
            "Access-Control-Request-Method": "GET",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert not response.cookies


def test_clients_are_throttled_per_ip_address(client, content, settings):
    settings.PSG_API_RATE = "3/m"
    for _ in range(3):
        assert client.get("/api/v1/news/").status_code == 200
    throttled = client.get("/api/v1/regions/")
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert throttled.json()["detail"].startswith("Request was throttled.")
    assert "no-store" in throttled["Cache-Control"]
    assert throttled["Access-Control-Allow-Origin"] == "*"
    # Another address has its own allowance.
    other = client.get("/api/v1/news/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_behind_a_proxy_the_trusted_header_names_the_client(client, content, settings):
    settings.PSG_API_RATE = "1/m"
    settings.PSG_TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    second = {"HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert client.get("/api/v1/news/", **first).status_code == 200
    assert client.get("/api/v1/news/", **first).status_code == 429
    assert client.get("/api/v1/news/", **second).status_code == 200


def test_without_a_rate_nothing_is_throttled(client, content, settings):
    settings.PSG_API_RATE = ""
    for _ in range(20):
        assert client.get("/api/v1/regions/").status_code == 200


# The description and its docs page ----------------------------------------------


def test_the_schema_is_openapi_3_in_json_or_yaml(client, db):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Peru Support Group API"
    assert sorted(schema["paths"]) == [
        "/api/v1/",
        "/api/v1/events/",
        "/api/v1/events/{id}/",
        "/api/v1/news/",
        "/api/v1/news/{id}/",
        "/api/v1/publications/",
        "/api/v1/publications/{id}/",
        "/api/v1/regions/",
        "/api/v1/regions/{slug}/",
        "/api/v1/series/",
        "/api/v1/series/{slug}/",
        "/api/v1/topics/",
        "/api/v1/topics/{slug}/",
    ]
    yaml = client.get("/api/v1/schema/?format=yaml")
    assert yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.content.startswith(b"openapi: 3.")


def test_the_docs_page_reads_the_description_without_scripts(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Partners' API</h1>" in html
    assert '<a href="/api/v1/schema/">/api/v1/schema/</a>' in html
    # Every operation, with its parameters and what it answers.
    assert '<h2 id="news_list-heading"><code>GET /api/v1/news/</code></h2>' in html
    assert "<caption>Parameters of /api/v1/news/</caption>" in html
    assert '<th scope="row"><code>updated_since</code></th>' in html
    assert "one of: news, analysis, editorial, letter, correction" in html
    assert '200: <a href="#object-PaginatedNewsList">PaginatedNewsList</a>' in html
    assert '<a href="#object-InvalidParameters">InvalidParameters</a>' in html
    # Every object, its fields linked to the objects they hold.
    assert '<h3 id="object-NewsDetail-heading">NewsDetail</h3>' in html
    assert '<a href="#object-Term">list of Term</a>' in html
    assert '<th scope="row"><code>name_es</code></th>' in html
    # No script of any kind, the site's own layout, cacheable.
    assert "<script" not in html.replace('<script type="application/ld+json"', "")
    assert '<link rel="stylesheet" href="/static/css/psg.css">' in html
    assert response["Cache-Control"] == "public, max-age=300"
    assert not response.cookies


def test_the_schema_is_made_once_and_served_from_memory(
    client, db, django_assert_num_queries
):
    client.get("/api/v1/schema/")
    with django_assert_num_queries(0):
        assert client.get("/api/v1/schema/").status_code == 200
