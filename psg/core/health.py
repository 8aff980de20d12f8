"""GET /healthz/: the load balancer's and Varnish's probe of an app node.

200 "ok" once the database has answered a query; 503 with a short reason
when it does not. Never cached, and it never touches the session, so a probe
every few seconds leaves no trace but its access log line.
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    else:
        response = HttpResponse("ok\n", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response
