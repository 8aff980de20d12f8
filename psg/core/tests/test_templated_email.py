import pytest

from psg.core.templated_email import send_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def templates(settings, tmp_path):
    folder = tmp_path / "email"
    folder.mkdir()
    (folder / "hello_subject.txt").write_text("Hello {{ name }}\n")
    (folder / "hello.txt").write_text("Dear {{ name }},\nWelcome.\n")
    (folder / "hello.html").write_text(
        '{% extends "email/base.html" %}{% block content %}'
        "<h1>Dear {{ name }}</h1><p>Welcome.</p>{% endblock %}"
    )
    # A new value (not an edit in place) so Django reloads its template engines.
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    return folder


def test_email_goes_over_smtp_with_text_and_inlined_html(smtp_server, templates):
    sent = send_email(
        "hello",
        {"name": "Ñahui <b>Quispe</b>"},
        "quispe+psg@example.org",
        reply_to="secretary@example.org",
    )

    assert sent == 1
    [received] = smtp_server.messages
    assert received["to"] == ["quispe+psg@example.org"]
    message = received["message"]
    # Plain text parts carry what was typed; only HTML needs escaping.
    assert message["Subject"] == "Hello Ñahui <b>Quispe</b>"
    assert message["Reply-To"] == "secretary@example.org"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Dear Ñahui <b>Quispe</b>," in text
    assert "<h1 style=" in html  # CSS inlined onto the element
    assert "<style>" not in html
    assert "Ñahui &lt;b&gt;Quispe&lt;/b&gt;" in html
