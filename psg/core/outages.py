"""A short 503 page, not a 500, while the database is unreachable.

When PostgreSQL restarts (or a SQLite file stays locked past its timeout) a
request fails with Django's OperationalError or InterfaceError wherever it
touched the database: in a view, in a middleware, in a template. Django
hands every such uncaught error to ``handler500`` (psg/urls.py) inside its
``except`` block, so ``server_error`` sees the exception and answers those
with 503 and Retry-After; everything else keeps Django's 500 page. The page
is rendered without a request, so it needs neither the database nor the
session. The next request reconnects on its own: CONN_HEALTH_CHECKS (in
psg/settings/base.py) checks a kept connection before it is used. See
docs/security.md#faults-survived.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client (or a CDN) should wait before asking again.
RETRY_AFTER = 30


def database_unavailable():
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: 503 for a lost database, Django's 500 page otherwise."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable()
    return defaults.server_error(request, template_name)
