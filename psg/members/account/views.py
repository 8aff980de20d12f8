"""Manage my membership: a member's own pages at /membership/.

A member signs in with a link emailed to them (see session.py); every page
after that shows and changes only the signed-in member's own data. Nothing
here is cached, and every change is a POST with a CSRF token.
"""

import datetime

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from psg.core.ratelimit import client_ip, over_limit, rate_limited
from psg.members import subject_access, tasks
from psg.members.account import session
from psg.members.account.emails import member_for_token
from psg.members.account.forms import (
    EMAIL_TAKEN,
    ConfirmForm,
    ConsentsForm,
    DetailsForm,
    SignInForm,
)
from psg.members.erasure import Requester, erase_member
from psg.members.models import Consent, Member, PaymentMethod, normalise_email
from psg.members.renewals import REMIND_DAYS_BEFORE, membership_settings

GET_POST = ["GET", "POST"]


def _data(request):
    # An empty POST is still a submission (a box left unticked).
    return request.POST if request.method == "POST" else None


def _page(request, template, context=None, status=200):
    return render(request, f"members/account/{template}", context or {}, status=status)


# Signing in and out --------------------------------------------------------


@never_cache
@require_http_methods(GET_POST)
def sign_in(request):
    """Ask for a sign-in link. The answer is the same whether or not the
    address belongs to a member."""
    if session.current_member(request) is not None:
        return redirect("membership-home")
    form = SignInForm(_data(request))
    if request.method == "POST":
        # Count every attempt from this address, and every one for an email.
        ip_over = over_limit("signin-ip", client_ip(request))
        if form.is_valid():
            email = normalise_email(form.cleaned_data["email"])
            email_over = over_limit("signin-email", email.lower())
            if ip_over or email_over:
                return rate_limited(request)
            member = Member.objects.not_erased().filter(email__iexact=email).first()
            if member is not None:
                tasks.send_signin_link.enqueue(member.pk)
            return redirect("membership-sign-in-sent")
        if ip_over:
            return rate_limited(request)
    return _page(request, "sign_in.html", {"form": form})


@never_cache
@require_http_methods(["GET"])
def sign_in_sent(request):
    return _page(request, "sign_in_sent.html")


@never_cache
@require_http_methods(GET_POST)
def sign_in_confirm(request, token):
    """The link from the email: a button that signs in. Opening the link does
    nothing by itself, as mail scanners open links too."""
    member, expired = member_for_token(token)
    if member is None:
        return _page(request, "sign_in_invalid.html", {"expired": expired}, status=400)
    if request.method == "POST":
        # Touching updated_at changes the link's fingerprint, so it works once;
        # the condition makes that hold for two presses at the same moment.
        used = Member.objects.filter(pk=member.pk, updated_at=member.updated_at).update(
            updated_at=timezone.now()
        )
        if not used:
            return _page(
                request, "sign_in_invalid.html", {"expired": False}, status=400
            )
        session.sign_in(request, member)
        return redirect("membership-home")
    response = _page(request, "sign_in_confirm.html")
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@session.member_required
@require_http_methods(GET_POST)
def sign_out(request):
    if request.method == "POST":
        session.sign_out(request)
        messages.success(request, _("You have signed out."))
        return redirect("membership-sign-in")
    return _page(request, "sign_out.html", {"member": request.member})


# The member's pages ---------------------------------------------------------


@never_cache
@session.member_required
@require_http_methods(["GET"])
def home(request):
    member = request.member
    today = timezone.localdate()
    renewal_due = member.status in (
        Member.Status.AWAITING_PAYMENT,
        Member.Status.LAPSED,
    ) or (
        member.status == Member.Status.ACTIVE
        and member.current_period_end is not None
        and member.current_period_end
        <= today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    )
    return _page(
        request,
        "home.html",
        {
            "member": member,
            "renewal_due": renewal_due,
            "bank": membership_settings(),
            "gift_aid": member.gift_aid_declaration,
            "payments": member.payments.all()[:5],
        },
    )


@never_cache
@session.member_required
@require_http_methods(GET_POST)
def edit(request):
    # A copy of the member for the form, so a rejected change never shows
    # anywhere else on the page.
    instance = Member.objects.get(pk=request.member.pk)
    form = DetailsForm(_data(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            # Another membership took the address between the check and now.
            form.add_error("email", EMAIL_TAKEN)
        else:
            messages.success(request, _("Your details have been saved."))
            return redirect("membership-home")
    return _page(request, "edit.html", {"member": request.member, "form": form})


@never_cache
@session.member_required
@require_http_methods(GET_POST)
def consents(request):
    member = request.member
    settings_ = membership_settings()
    form = ConsentsForm(
        _data(request),
        initial={"bulletin": member.bulletin_consent, "events": member.events_consent},
        membership_settings=settings_,
    )
    if request.method == "POST" and form.is_valid():
        recorded = _record_consents(member, form.cleaned_data, settings_)
        if recorded:
            messages.success(request, _("Your choices have been saved."))
        else:
            messages.info(request, _("Nothing has changed."))
        return redirect("membership-consents")
    return _page(
        request,
        "consents.html",
        {
            "member": member,
            "form": form,
            "history": member.consents.order_by("-recorded_at", "-pk"),
        },
    )


def _record_consents(member, choices, settings_):
    """Record each choice that changed, and each "yes" last given under an
    older wording (the member has now seen, and kept, the current one)."""
    recorded = 0
    wordings = {
        Consent.Kind.BULLETIN: settings_.bulletin_consent_wording,
        Consent.Kind.EVENTS: settings_.events_consent_wording,
    }
    for kind, wording in wordings.items():
        given = choices[kind.value]
        latest = member.consents.filter(kind=kind).order_by("-recorded_at", "-pk")
        latest = latest.first()
        current = getattr(member, kind.member_field)
        reaffirmed = (
            given
            and latest is not None
            and latest.wording_version != settings_.consent_wording_version
        )
        if given != current or reaffirmed or (latest is None and given):
            member.record_consent(
                kind,
                given,
                wording,
                settings_.consent_wording_version,
                Consent.Source.MEMBER,
            )
            recorded += 1
    return recorded


@never_cache
@session.member_required
@require_http_methods(["GET"])
def download(request):
    member = request.member
    kind = request.GET.get("format")
    stamp = timezone.localdate().isoformat()
    if kind == "json":
        response = HttpResponse(
            subject_access.as_json(member),
            content_type="application/json; charset=utf-8",
        )
    elif kind == "csv":
        # With a byte order mark, so spreadsheets read the accents right.
        response = HttpResponse(
            subject_access.as_csv(member).encode("utf-8-sig"),
            content_type="text/csv; charset=utf-8",
        )
    else:
        return _page(request, "download.html", {"member": member})
    response["Content-Disposition"] = (
        f'attachment; filename="psg-membership-{member.pk}-{stamp}.{kind}"'
    )
    return response


@never_cache
@session.member_required
@require_http_methods(GET_POST)
def cancel(request):
    member = request.member
    form = ConfirmForm(_data(request), label=gettext_lazy("Yes, cancel my membership"))
    already = member.status == Member.Status.CANCELLED
    if request.method == "POST" and not already and form.is_valid():
        Member.objects.filter(pk=member.pk).update(
            status=Member.Status.CANCELLED, updated_at=timezone.now()
        )
        messages.success(request, _("Your membership has been cancelled."))
        return redirect("membership-home")
    return _page(
        request,
        "cancel.html",
        {
            "member": member,
            "form": form,
            "already": already,
            "standing_order": member.payment_method == PaymentMethod.STANDING_ORDER,
        },
    )


@never_cache
@session.member_required
@require_http_methods(GET_POST)
def erase(request):
    member = request.member
    form = ConfirmForm(
        _data(request),
        label=gettext_lazy(
            "Yes, erase my personal data. I understand this cannot be undone."
        ),
    )
    if request.method == "POST" and form.is_valid():
        erase_member(member, requested_by=Requester.MEMBER)
        session.sign_out(request)
        return _page(request, "erased.html")
    return _page(request, "erase.html", {"member": member, "form": form})
