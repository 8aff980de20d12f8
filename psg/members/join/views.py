"""Joining: the form, the confirmation link (double opt-in), how to pay.

Every page here is private (never cached) and every POST carries a CSRF
token. Whether an address already belongs to a member never shows: both get
the same "check your email" page, and the email says what to do next.
"""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from psg.core.ratelimit import client_ip, over_limit, rate_limited
from psg.core.smtp import MAIL_ERRORS
from psg.members.models import (
    Member,
    MembershipSettings,
    MembershipType,
    PaymentMethod,
    normalise_email,
)
from psg.members.tokens import JOIN_SALT, read_token

from . import applications
from .applications import Confirmation
from .forms import JoinForm

logger = logging.getLogger(__name__)


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    membership_settings = MembershipSettings.for_request(request)
    wordings = applications.shown_wordings(membership_settings)
    if request.method != "POST":
        form = JoinForm(wordings=wordings)
        return render(request, "members/join/join.html", {"form": form})

    form = JoinForm(request.POST, wordings=wordings)
    ip = client_ip(request)
    if not form.is_valid():
        # Corrections don't count against the limit, but a blocked address
        # stays blocked.
        if over_limit("join-ip", ip, increment=False):
            return rate_limited(request)
        return render(request, "members/join/join.html", {"form": form})

    email = form.cleaned_data["email"]
    if over_limit("join-ip", ip) or over_limit(
        "join-email", normalise_email(email).lower()
    ):
        return rate_limited(request)
    if form.looks_automated():
        # Pretend it worked: nothing stored, nothing sent.
        logger.info("Join form: automated submission ignored")
        return redirect("join-sent")

    member = applications.find_member(email)
    try:
        if member:
            applications.send_member_exists(member, membership_settings)
        else:
            application = applications.create_application(
                email, form.application_data()
            )
            try:
                applications.send_confirmation(application, membership_settings)
            except MAIL_ERRORS:
                application.delete()
                raise
    except MAIL_ERRORS:
        logger.exception("Join form: could not send the email")
        return render(request, "members/join/email_failed.html", status=503)
    return redirect("join-sent")


@never_cache
def sent(request):
    valid_days = max(1, settings.PSG_JOIN_LINK_MAX_AGE // 86400)
    return render(request, "members/join/sent.html", {"valid_days": valid_days})


def _application_summary(application):
    data = application.data
    membership_type = MembershipType.objects.filter(pk=data["membership_type"]).first()
    try:
        payment_method = PaymentMethod(data["payment_method"]).label
    except ValueError:
        payment_method = data["payment_method"]
    address = Member(
        address_line_1=data["address_line_1"],
        address_line_2=data.get("address_line_2", ""),
        town=data["town"],
        county=data.get("county", ""),
        postcode=data.get("postcode", ""),
        country=data["country"],
    ).postal_address
    return {
        "data": data,
        "membership_type": membership_type,
        "payment_method": payment_method,
        "address": address,
    }


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows what will be confirmed and a Confirm button; only the POST
    (mail scanners follow links, they don't press buttons) makes the member."""
    payload, expired = read_token(JOIN_SALT, token, settings.PSG_JOIN_LINK_MAX_AGE)
    if expired:
        return render(request, "members/join/link_expired.html", status=410)
    if not _valid_payload(payload):
        return render(request, "members/join/link_invalid.html", status=400)
    application_id, reference = payload["a"], payload["r"]

    if request.method != "POST":
        application = applications.pending_application(application_id, reference)
        if application is None:
            if applications.member_confirmed_by(reference):
                return render(request, "members/join/already_confirmed.html")
            return render(request, "members/join/link_expired.html", status=410)
        if applications.find_member(application.email):
            return render(request, "members/join/already_confirmed.html")
        return render(
            request,
            "members/join/confirm.html",
            _application_summary(application),
        )

    outcome, member = applications.confirm_application(application_id, reference)
    if outcome == Confirmation.GONE:
        return render(request, "members/join/link_expired.html", status=410)
    if outcome == Confirmation.ALREADY:
        return render(request, "members/join/already_confirmed.html")
    membership_settings = MembershipSettings.for_request(request)
    try:
        applications.send_welcome(member, membership_settings)
    except MAIL_ERRORS:
        # The page they are about to see says how to pay as well.
        logger.exception("Join: could not send the welcome email")
    return redirect("join-done", token=applications.done_token(member))


def _valid_payload(payload):
    return (
        isinstance(payload, dict)
        and isinstance(payload.get("a"), int)
        and isinstance(payload.get("r"), str)
    )


@never_cache
def done(request, token):
    payload, _expired = read_token(
        applications.DONE_SALT, token, applications.DONE_LINK_MAX_AGE
    )
    member = None
    if isinstance(payload, dict) and isinstance(payload.get("m"), int):
        member = (
            Member.objects.not_erased()
            .select_related("membership_type")
            .filter(pk=payload["m"])
            .first()
        )
    if member is None:
        # An old or altered address: the welcome email has the details.
        return render(request, "members/join/done_elsewhere.html")
    membership_settings = MembershipSettings.for_request(request)
    return render(
        request,
        "members/join/done.html",
        applications.payment_context(member, membership_settings),
    )
