"""A join form left open for more than a day asks to be sent again, keeping
what was typed (docs/security.md, "Other checks")."""

import re
import time

import pytest

from django.utils.html import escape

from psg.core.forms import started_token
from psg.core.tests.helpers import page_text
from psg.members.models import JoinApplication
from psg.members.tests.join_helpers import JOIN_URL, SENT_URL, form_data

pytestmark = pytest.mark.django_db

STARTED = re.compile(r'name="started" value="([^"]+)"')


def test_a_form_open_for_over_a_day_is_sent_again_with_what_was_typed(
    client, smtp_server
):
    old = form_data(started=started_token(time.time() - 25 * 3600))

    response = client.post(JOIN_URL, old)

    assert response.status_code == 200
    text = page_text(response)
    assert "This form was open for more than a day" in text
    html = response.content.decode()
    assert f'value="{escape("Rosa Quispe Mamani")}"' in html
    assert f'value="{escape("12 Calle Lima")}"' in html
    assert not JoinApplication.objects.exists()
    assert smtp_server.messages == []

    # Sent again at once, with the fresh start time the page now carries.
    [fresh] = STARTED.findall(html)
    response = client.post(JOIN_URL, {**old, "started": fresh})
    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert JoinApplication.objects.count() == 1


def test_a_form_open_for_a_few_hours_is_accepted(client, smtp_server):
    response = client.post(
        JOIN_URL, form_data(started=started_token(time.time() - 5 * 3600))
    )
    assert response.status_code == 302
    assert JoinApplication.objects.count() == 1
