"""Whatever markup people type into the join form is shown as text, on
every page and in every email."""

import pytest

from psg.core.tests.helpers import html_of, text_of
from psg.members.models import (
    Member,
)
from psg.members.tests.join_helpers import (
    confirm_path,
    membership_type,
    submit,
)

pytestmark = pytest.mark.django_db


SCRIPT = '<script>alert("x")</script>'


def test_markup_typed_anywhere_is_shown_as_text(client, smtp_server):
    typed = {
        field: f"{field} {SCRIPT}"
        for field in (
            "name",
            "organisation",
            "address_line_1",
            "address_line_2",
            "town",
            "county",
        )
    }
    submit(
        client,
        membership_type=membership_type("Organisation").pk,
        country="PE",
        postcode="<i>L18</i>",  # 20 characters at most
        **typed,
    )
    path = confirm_path(smtp_server.messages[0])

    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    confirm_page = client.get(path).content.decode()
    assert SCRIPT not in confirm_page
    for field in typed:
        assert f"{field} {escaped}" in confirm_page
    assert "&lt;i&gt;L18&lt;/i&gt;" in confirm_page
    done_page = client.post(path, follow=True).content.decode()
    assert SCRIPT not in done_page
    assert f"Thank you, name {escaped}" in done_page

    member = Member.objects.get()
    assert member.name == f"name {SCRIPT}"
    welcome = smtp_server.messages[1]
    assert SCRIPT not in html_of(welcome)
    # (The CSS inliner writes quotes in text as plain quotes: harmless.)
    assert "name &lt;script&gt;alert(" in html_of(welcome)
    # Plain text is not HTML: it reads as typed.
    assert f"name {SCRIPT}" in text_of(welcome)


def test_markup_is_escaped_on_the_confirm_page(client, smtp_server):
    submit(client, name=f"Rosa {SCRIPT}", address_line_1=SCRIPT)

    html = client.get(confirm_path(smtp_server.messages[0])).content.decode()

    assert SCRIPT not in html
    assert "Rosa &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_markup_is_escaped_when_the_form_comes_back_with_errors(client):
    response = submit(client, name=SCRIPT, email="not an email")

    html = response.content.decode()
    assert SCRIPT not in html
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in html
