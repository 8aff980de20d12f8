"""Page bodies as HTML a partner can publish on its own site.

A StreamField body or a rich text field is rendered as the site renders it,
then cleaned with nh3 down to a small set of structural tags: no classes, no
scripts, no iframes, no inline styles. Every link and image address is made
absolute from the page's own address, so it still works on the partner's site.
Embedded videos become a plain link to the video.
"""

from urllib.parse import urljoin

import nh3

from django.utils.html import format_html

from wagtail.rich_text import expand_db_html

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Tags dropped together with everything inside them.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "noscript", "template"}


def _absolute_srcset(base_url, value):
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(None, 1)
        if parts:
            parts[0] = urljoin(base_url, parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def clean_html(html, base_url):
    """``html`` cleaned to the allowed tags, addresses absolute from ``base_url``.

    nh3 drops links with other schemes (``javascript:``…) before the addresses
    left are joined to ``base_url``.
    """

    def absolute(tag, attribute, value):
        if attribute in ("href", "src"):
            return urljoin(base_url, value)
        if attribute == "srcset":
            return _absolute_srcset(base_url, value)
        return value

    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=absolute,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    ).strip()


def render_stream(body):
    """A StreamField value as the site's HTML, with embeds as plain links."""
    parts = []
    for block in body:
        if block.block_type == "embed":
            url = getattr(block.value, "url", "")
            if url:
                parts.append(format_html('<p><a href="{}">{}</a></p>', url, url))
            continue
        parts.append(str(block.render()))
    return "".join(parts)


def stream_html(body, base_url):
    """A StreamField body as clean HTML with absolute addresses."""
    return clean_html(render_stream(body), base_url)


def rich_text_html(value, base_url):
    """A rich text field (database format) as clean HTML with absolute addresses."""
    return clean_html(expand_db_html(value or ""), base_url)
