"""Reading what a test client got back: a page's text, an email's parts."""

import re


def page_text(response):
    """The page's visible text, roughly: tags dropped, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def text_of(received):
    """The plain-text part of an email the test SMTP server received."""
    return received["message"].get_body(("plain",)).get_content().replace("\r\n", "\n")


def html_of(received):
    """The HTML part of an email the test SMTP server received."""
    return received["message"].get_body(("html",)).get_content()
