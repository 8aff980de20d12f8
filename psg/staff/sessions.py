"""How long a staff member stays signed in (docs/security.md, "Sessions").

A staff session ends PSG_STAFF_SESSION_HOURS after the password sign-in,
however busy it was; the session remembers when that was. Members' own
sessions at /membership/ keep their own rule (members.account.session).
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SIGNED_IN_AT_KEY = "psg_staff_signed_in_at"


def is_staff(user):
    """Whether ``user`` can open the Wagtail admin (and so must use two-factor)."""
    return user.is_authenticated and (
        user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


@receiver(user_logged_in)
def remember_sign_in_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT_KEY] = time.time()


def has_expired(request):
    """True when the staff session is older than allowed, or of unknown age."""
    signed_in_at = request.session.get(SIGNED_IN_AT_KEY)
    if not isinstance(signed_in_at, int | float):
        return True
    return time.time() - signed_in_at > settings.PSG_STAFF_SESSION_HOURS * 3600
