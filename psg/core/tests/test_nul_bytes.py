"""A NUL byte in an address never reaches the database as a query (PostgreSQL
refuses it with an error, which was a 500): in the path it is a 404; in a
query parameter the view answers its own clear page or 400
(docs/security.md, "Other checks"). Run on PostgreSQL too:
DATABASE_URL=postgres://... pytest psg/core/tests/test_nul_bytes.py"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/bulletin/unsubscribe/abc%00def/",
        "/api/v1/regions/%00/",
        "/membership/sign-in/abc%00/",
        "/join/confirm/abc%00/",
    ],
)
def test_a_nul_byte_in_an_address_is_refused_not_a_server_error(client, site, url):
    response = client.get(url)
    assert response.status_code in (400, 404)


@pytest.mark.parametrize(
    ("url", "status"),
    [("/api/v1/news/?region=%00", 400), ("/news/?region=cusco%00", 200)],
)
def test_a_nul_byte_in_a_query_parameter_gets_a_clear_answer(
    client, news_index, url, status
):
    assert client.get(url).status_code == status


def test_a_nul_byte_in_the_search_box_finds_nothing(client, site):
    response = client.get("/search/?q=%00")
    assert response.status_code == 200


def test_a_nul_byte_in_a_posted_token_is_refused(client, site):
    response = client.post("/bulletin/unsubscribe/abc%00def/", {"leave_all": "1"})
    assert response.status_code in (400, 404)
