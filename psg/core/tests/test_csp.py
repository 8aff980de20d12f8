"""Every response carries a Content-Security-Policy (docs/security.md).

Public pages allow no inline script or style and frames only from the video
providers the site embeds; the Wagtail admin has a looser policy of its own.
"""

import re
from pathlib import Path

import pytest

from django.template.loader import render_to_string

from wagtail.embeds.models import Embed

from psg.news.tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2]
# Not web pages: emails (inlined by css-inline) and the edition's PDF.
NOT_WEB = ("/email/", "edition_pdf.html")
# Templates of the admin (the desk), under the admin's own policy.
ADMIN = ("/members/desk/", "/staff/")
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>|\sstyle=|<style",
    re.IGNORECASE,
)


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: values for name, *values in (part.split() for part in header.split(";"))
    }


def test_a_public_page_allows_no_inline_script_or_style(client, site):
    directives = policy(client.get("/"))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in client.get("/").headers["Content-Security-Policy"]


def test_frames_come_only_from_the_video_providers(client, site):
    assert sorted(policy(client.get("/"))["frame-src"]) == [
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
    ]


def test_every_response_has_it_errors_and_files_too(client, site):
    for path in ["/no-such-page/", "/robots.txt", "/sitemap.xml", "/api/v1/"]:
        assert "Content-Security-Policy" in client.get(path), path


def test_the_admin_has_its_own_policy(client):
    directives = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


def test_no_public_template_has_inline_script_or_style():
    offending = []
    for path in sorted(PACKAGE.rglob("templates/**/*.html")):
        name = path.as_posix()
        if any(part in name for part in NOT_WEB + ADMIN):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if INLINE.search(line):
                offending.append(f"{path.relative_to(PACKAGE)}:{number}")
    assert not offending, "Move these into psg.css or a script file:\n" + "\n".join(
        offending
    )


def test_an_embedded_video_has_no_style_attribute(settings):
    settings.WAGTAILEMBEDS_RESPONSIVE_HTML = True
    embed = Embed(
        url="https://www.youtube.com/watch?v=abc",
        html='<iframe src="https://www.youtube.com/embed/abc"></iframe>',
        type="video",
        width=640,
        height=360,
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "style=" not in html
    assert 'src="https://www.youtube.com/embed/abc"' in html


def test_a_news_page_with_structured_data_needs_no_inline_script(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Water in Cajamarca")
    response = client.get(page.url)
    html = response.content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts  # the JSON-LD, data the browser does not run
    assert all("application/ld+json" in tag or "src=" in tag for tag in scripts)
    assert " style=" not in html
