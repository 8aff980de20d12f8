"""The signed-in member, kept in the session after following an emailed link.

There are no passwords: a member signs in by a link sent to their address, and
the session forgets them after an hour without a request (an expiry stored in
the session itself, so the site's other sessions are not affected).
"""

import time
from functools import wraps

from django.shortcuts import redirect

from psg.members.models import Member

MEMBER_KEY = "psg_member_id"
EXPIRES_KEY = "psg_member_expires"
IDLE_SECONDS = 3600


def sign_in(request, member):
    """Remember ``member`` in a fresh session key (no fixation)."""
    request.session.cycle_key()
    request.session[MEMBER_KEY] = member.pk
    request.session[EXPIRES_KEY] = time.time() + IDLE_SECONDS


def sign_out(request):
    had_member = MEMBER_KEY in request.session
    request.session.pop(MEMBER_KEY, None)
    request.session.pop(EXPIRES_KEY, None)
    if had_member:
        request.session.cycle_key()


def current_member(request):
    """The signed-in member, or None; each call counts as activity."""
    pk = request.session.get(MEMBER_KEY)
    if pk is None:
        return None
    expires = request.session.get(EXPIRES_KEY)
    member = None
    if isinstance(expires, int | float) and expires > time.time():
        member = (
            Member.objects.not_erased()
            .select_related("membership_type")
            .filter(pk=pk)
            .first()
        )
    if member is None:
        sign_out(request)
        return None
    request.session[EXPIRES_KEY] = time.time() + IDLE_SECONDS
    return member


def member_required(view):
    """Only for a signed-in member, who is ``request.member``; anyone else is
    sent to the sign-in page (staff and editors included)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        member = current_member(request)
        if member is None:
            return redirect("membership-sign-in")
        request.member = member
        return view(request, *args, **kwargs)

    return wrapper
