"""A NUL byte in an address never reaches the database (PostgreSQL refuses
it with an error, which was a 500): the request is refused with a 400 or a
404 first (docs/security.md, "Other checks"). Run on PostgreSQL too:
DATABASE_URL=postgres://... pytest psg/core/tests/test_nul_bytes.py"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/bulletin/unsubscribe/abc%00def/",
        "/api/v1/regions/%00/",
        "/api/v1/news/?region=%00",
        "/news/?region=cusco%00",
        "/search/?q=%00",
        "/membership/sign-in/abc%00/",
        "/join/confirm/abc%00/",
    ],
)
def test_a_nul_byte_in_an_address_is_refused_not_a_server_error(client, site, url):
    response = client.get(url)
    assert response.status_code in (400, 404)


def test_a_nul_byte_in_a_posted_token_is_refused(client, site):
    response = client.post("/bulletin/unsubscribe/abc%00def/", {"leave_all": "1"})
    assert response.status_code in (400, 404)
