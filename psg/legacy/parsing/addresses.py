"""The legacy site's article addresses: "/article-123.html", "/news-article-45.html"."""

import re

_ARTICLE_ADDRESS = re.compile(
    r"(?<![a-z0-9])(?P<prefix>news-article|article)-(?P<number>\d{1,12})(?!\d)",
    re.IGNORECASE,
)


def legacy_path(prefix, number):
    """The legacy site's address of an article: "/article-123.html"."""
    return f"/{prefix.lower()}-{int(number)}.html"


def legacy_paths_in(text):
    """Legacy article addresses named in a file name or URL."""
    return [
        legacy_path(match["prefix"], match["number"])
        for match in _ARTICLE_ADDRESS.finditer(text)
    ]
