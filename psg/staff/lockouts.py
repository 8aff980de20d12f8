"""Login throttling with django-axes (docs/security.md, "Login throttling").

After AXES_FAILURE_LIMIT wrong passwords for one username from one address,
that pair is locked out for AXES_COOLOFF_TIME; the sign-in page then says
when to try again. Superusers see the lockouts in the admin and can lift one.
"""

from axes.helpers import get_client_username
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def locked_until(username, ip_address):
    """When the lockout of ``username`` from ``ip_address`` ends."""
    last = AccessAttempt.objects.filter(
        username=username, ip_address=ip_address
    ).aggregate(last=Max("attempt_time"))["last"]
    return (last or timezone.now()) + settings.AXES_COOLOFF_TIME


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page's answer during a lockout: when to try again."""
    username = get_client_username(request, credentials) or ""
    until = locked_until(username, getattr(request, "axes_ip_address", ""))
    minutes = max(1, int((until - timezone.now()).total_seconds() // 60) + 1)
    context = {"until": until, "minutes": minutes}
    return render(request, "staff/locked_out.html", context, status=429)


def is_locked(attempt):
    return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT and (
        attempt.attempt_time > timezone.now() - settings.AXES_COOLOFF_TIME
    )
