"""Every staff request passes the second factor first (docs/security.md).

A user who can open the Wagtail admin and has signed in with their password
is sent to enrol an authenticator app if they have none, and otherwise to
enter a code, before any other page (public pages included): until then the
password alone opens nothing. A staff session older than
PSG_STAFF_SESSION_HOURS is ended and the user signs in again. Anonymous
visitors and members are not affected.
"""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from psg.staff import sessions, two_factor

# Pages a staff member needs before the second factor: signing in and out,
# and what the admin's sign-in page itself loads.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff-two-factor-verify",
}
OPEN_WITHOUT_DEVICE = {"staff-two-factor-enrol"}
# The read-only API for partners: it serves no one differently.
PUBLIC_NAMESPACES = {"api"}


class StaffSignInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Without a session there is no staff member, and the partners' API
        # answers everyone alike: reading the session there would add
        # "Vary: Cookie" to answers that must stay cacheable.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        match = request.resolver_match
        if match is not None and match.namespace in PUBLIC_NAMESPACES:
            return None
        user = request.user
        if not sessions.is_staff(user):
            return None
        if sessions.has_expired(request):
            logout(request)
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("wagtailadmin_login")
            )
        name = match.url_name if match is not None else None
        if name in ALWAYS_OPEN or user.is_verified():
            return None
        if two_factor.has_device(user):
            target = "staff-two-factor-verify"
        elif name in OPEN_WITHOUT_DEVICE:
            return None
        else:
            target = "staff-two-factor-enrol"
        query = ""
        if request.method == "GET":
            query = "?" + urlencode({"next": request.get_full_path()})
        return redirect(reverse(target) + query)
