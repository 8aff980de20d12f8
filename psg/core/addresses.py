"""The site's addresses made absolute, for what is read away from the site:
emails, feeds, sharing tags, structured data and the partners' API."""

from urllib.parse import urljoin

from django.conf import settings


def root_url(site):
    """The site's address without a trailing slash: ``https://example.org``.

    Without a Wagtail site, the admin's base URL stands in for it.
    """
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(site, url):
    """``url`` made absolute from the site root; absolute URLs are left alone."""
    return urljoin(root_url(site) + "/", url or "")
