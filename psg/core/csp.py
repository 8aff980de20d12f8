"""The Content-Security-Policy header on every response (docs/security.md).

django-csp's middleware sends settings.CONTENT_SECURITY_POLICY, which allows
no inline script or style; under /admin/ it sends
settings.PSG_ADMIN_CONTENT_SECURITY_POLICY instead, since Wagtail's admin
still writes some inline scripts and styles and gives them no nonce.
"""

from csp.middleware import CSPMiddleware

from django.conf import settings

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIX)
        ):
            parts.config = settings.PSG_ADMIN_CONTENT_SECURITY_POLICY
        return parts
