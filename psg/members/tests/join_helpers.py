"""What the join tests share: a valid form, posting it, the link in the
confirmation email."""

import re
import time

from psg.core.forms import started_token
from psg.core.tests.helpers import text_of
from psg.members.models import MembershipType

JOIN_URL = "/join/"
SENT_URL = "/join/sent/"
CONFIRM_LINK = re.compile(r"http://testserver((?:/es)?/join/confirm/[^/\s\"<]+/)")


def membership_type(name="Individual"):
    return MembershipType.objects.get(name=name)


def form_data(**overrides):
    """A valid join form, as a person who took a minute over it sends it."""
    data = {
        "membership_type": membership_type().pk,
        "organisation": "",
        "name": "Rosa Quispe Mamani",
        "email": "rosa+psg@example.org",
        "address_line_1": "12 Calle Lima",
        "address_line_2": "",
        "town": "London",
        "county": "",
        "postcode": "n1 9zq",
        "country": "GB",
        "payment_method": "bank-transfer",
        "website": "",
        "started": started_token(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, follow=False, ip="127.0.0.1", **overrides):
    """Post the join form from ``ip``, with some fields changed."""
    return client.post(JOIN_URL, form_data(**overrides), follow=follow, REMOTE_ADDR=ip)


def confirm_path(received):
    """The path of the confirmation link in a received email."""
    match = CONFIRM_LINK.search(text_of(received))
    assert match, text_of(received)
    return match.group(1)
