"""Enrolling an authenticator app, entering a code, recovery codes.

Mounted under /admin/two-factor/; StaffSignInMiddleware sends staff here
(docs/security.md, "Staff accounts: two-factor sign-in").
"""

from functools import wraps

from django_otp import login as otp_login

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from psg.staff import sessions, two_factor
from psg.staff.forms import CodeForm

# Fresh recovery codes wait here until the staff member has seen them.
NEW_CODES_KEY = "psg_staff_new_recovery_codes"


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def staff_only(view):
    """Anonymous visitors sign in first; other users are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("wagtailadmin_login")
            )
        if not sessions.is_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _verified(request, device):
    """Mark the session as having passed the second factor."""
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@staff_only
@require_http_methods(["GET", "POST"])
def enrol(request):
    if two_factor.has_device(request.user):
        return redirect(_next_url(request))
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.confirm(device, form.cleaned_data["code"]):
            _verified(request, device)
            request.session[NEW_CODES_KEY] = two_factor.new_recovery_codes(request.user)
            return redirect(reverse("staff-recovery-codes"))
        form.add_error(
            "code",
            _(
                "That code does not match. Check that the app shows the Peru "
                "Support Group and that this device's clock is right, then "
                "enter the code it shows now."
            ),
        )
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_text(device),
        "next": _next_url(request),
    }
    return render(request, "staff/enrol.html", context)


@never_cache
@staff_only
@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_device(request.user):
        return redirect(reverse("staff-two-factor-enrol"))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        until = two_factor.throttled_until(request.user)
        device = None
        if until is None:
            device = two_factor.verify(request.user, form.cleaned_data["code"])
        if device is not None:
            _verified(request, device)
            if isinstance(device, two_factor.StaticDevice):
                messages.warning(
                    request,
                    _("You used a recovery code; %(left)s left.")
                    % {"left": two_factor.recovery_codes_left(request.user)},
                )
            return redirect(_next_url(request))
        if until is not None:
            seconds = max(1, int((until - timezone.now()).total_seconds()) + 1)
            message = _(
                "Too many wrong codes. Wait %(seconds)s seconds, then enter "
                "the code your app shows."
            ) % {"seconds": seconds}
        else:
            message = _("That code is not right, or was used already.")
        form.add_error("code", message)
    context = {"form": form, "next": _next_url(request)}
    return render(request, "staff/verify.html", context)


@never_cache
@staff_only
@require_http_methods(["GET"])
def recovery_codes(request):
    """The new recovery codes, shown once (and downloadable until left)."""
    codes = request.session.get(NEW_CODES_KEY)
    if not codes:
        return redirect(reverse("staff-two-factor"))
    return render(request, "staff/recovery_codes.html", {"codes": codes})


@never_cache
@staff_only
@require_http_methods(["GET"])
def recovery_codes_download(request):
    codes = request.session.get(NEW_CODES_KEY)
    if not codes:
        return redirect(reverse("staff-two-factor"))
    lines = [
        _("Peru Support Group: recovery codes for %(user)s")
        % {"user": request.user.get_username()},
        _("Each code signs you in once, instead of a code from your app."),
        "",
        *codes,
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain")
    response["Content-Disposition"] = 'attachment; filename="psg-recovery-codes.txt"'
    return response


@never_cache
@staff_only
@require_POST
def recovery_codes_done(request):
    """The codes are saved somewhere safe: forget them here."""
    request.session.pop(NEW_CODES_KEY, None)
    return redirect(reverse("wagtailadmin_home"))


@never_cache
@staff_only
@require_http_methods(["GET", "POST"])
def account(request):
    """The staff member's two-factor page: codes left, and new codes."""
    if request.method == "POST":
        request.session[NEW_CODES_KEY] = two_factor.new_recovery_codes(request.user)
        return redirect(reverse("staff-recovery-codes"))
    context = {"codes_left": two_factor.recovery_codes_left(request.user)}
    return render(request, "staff/two_factor.html", context)
