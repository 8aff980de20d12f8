"""Production: refuses to start without a secret key or a valid BASE_URL;
HTTPS everywhere."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if not SECRET_KEY or len(SECRET_KEY) < 40:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY must be set (50 random characters) in the environment."
    )

# Links in emails, canonical tags and PDFs are built from BASE_URL, never from
# the request's Host header (docs/security.md, "Addresses and links").
_base_url = urlsplit(os.environ.get("BASE_URL", ""))
if (
    _base_url.scheme != "https"
    or not _base_url.hostname
    or _base_url.path not in ("", "/")
    or _base_url.query
    or _base_url.fragment
    or _base_url.username
):
    raise ImproperlyConfigured(
        "BASE_URL must be the site's https address with no path, such as "
        "https://www.perusupportgroup.org.uk"
    )
DEBUG = False

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Varnish and load balancers probe each app node over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
# Behind a proxy or CDN that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
PSG_SERVE_MEDIA = env_bool("PSG_SERVE_MEDIA", default=False)
