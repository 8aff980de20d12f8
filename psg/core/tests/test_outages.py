"""handler500 (psg.core.outages): a lost database is a 503 page with
Retry-After; any other error keeps Django's 500 page."""

import sys

from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from psg.core.outages import server_error


def answer_to(error):
    request = RequestFactory().get("/news/")
    try:
        raise error
    except Exception:
        assert sys.exc_info()[1] is error
        return server_error(request)


def test_a_lost_database_is_a_short_503_page():
    for error in (OperationalError("server closed the connection"), InterfaceError()):
        response = answer_to(error)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        html = response.content.decode()
        assert "<h1>Back in a moment</h1>" in html
        assert "server closed the connection" not in html


def test_any_other_error_is_still_a_500():
    response = answer_to(ValueError("a bug"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
