"""Subscribing at /bulletin/subscribe/ and unsubscribing by personal link.

Like joining: pages never cached, CSRF on the sign-up POSTs, the same answer
whether or not an address is known, and the join form's traps and rate
limits. Unsubscribing needs nothing but the link's secret.
"""

import logging

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from psg.bulletin import subscriptions
from psg.bulletin.models import BulletinSeries, Subscriber
from psg.core.ratelimit import client_ip, over_limit, rate_limited
from psg.core.smtp import MAIL_ERRORS
from psg.members.join.applications import shown_wordings
from psg.members.languages import Language
from psg.members.models import MembershipSettings, normalise_email
from psg.members.tokens import read_token

from .forms import SubscribeForm

logger = logging.getLogger(__name__)


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    series = list(subscriptions.open_series())
    if not series:
        return render(request, "bulletin/subscribe/closed.html")
    membership_settings = MembershipSettings.for_request(request)
    context = {"wording": membership_settings.bulletin_consent_wording}
    if request.method != "POST":
        context["form"] = SubscribeForm(series=series)
        return render(request, "bulletin/subscribe/subscribe.html", context)

    form = SubscribeForm(request.POST, series=series)
    context["form"] = form
    ip = client_ip(request)
    if not form.is_valid():
        if over_limit("subscribe-ip", ip, increment=False):
            return rate_limited(request)
        return render(request, "bulletin/subscribe/subscribe.html", context)

    email = form.cleaned_data["email"]
    if over_limit("subscribe-ip", ip) or over_limit(
        "subscribe-email", normalise_email(email).lower()
    ):
        return rate_limited(request)
    if form.looks_automated():
        logger.info("Bulletin sign-up: automated submission ignored")
        return redirect("bulletin-subscribe-sent")
    try:
        subscriptions.request_subscription(
            email,
            form.cleaned_data["name"],
            form.chosen_series(),
            reply_to=membership_settings.secretary_email or None,
            language=form.cleaned_data["language"],
        )
    except MAIL_ERRORS:
        logger.exception("Bulletin sign-up: could not send the email")
        return render(request, "bulletin/subscribe/email_failed.html", status=503)
    return redirect("bulletin-subscribe-sent")


@never_cache
def subscribe_sent(request):
    valid_days = max(1, settings.PSG_JOIN_LINK_MAX_AGE // 86400)
    return render(request, "bulletin/subscribe/sent.html", {"valid_days": valid_days})


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_confirm(request, token):
    """GET shows a Confirm button; only the POST (mail scanners follow links,
    they don't press buttons) subscribes."""
    payload, expired = read_token(
        subscriptions.SUBSCRIBE_SALT, token, settings.PSG_JOIN_LINK_MAX_AGE
    )
    if expired:
        return render(request, "bulletin/subscribe/link_expired.html", status=410)
    subscriber = subscriptions.subscriber_for_token(payload)
    if subscriber is None:
        status = 400 if payload is None else 410
        template = "link_invalid" if payload is None else "link_expired"
        return render(request, f"bulletin/subscribe/{template}.html", status=status)
    series = subscriptions.series_for_token(payload)
    if subscriptions.receives_all(subscriber, series):
        return render(request, "bulletin/subscribe/subscribed.html")
    if request.method != "POST":
        return render(
            request,
            "bulletin/subscribe/confirm.html",
            {"subscriber": subscriber, "series": series},
        )
    membership_settings = MembershipSettings.for_request(request)
    subscriptions.confirm_subscription(
        subscriber,
        series,
        shown_wordings(membership_settings),
        language=subscriptions.language_for_token(payload),
    )
    return redirect("bulletin-subscribe-done")


@never_cache
def subscribe_done(request):
    return render(request, "bulletin/subscribe/subscribed.html")


# Exempt from CSRF: mail providers send the RFC 8058 one-click POST with no
# cookie and no CSRF token. Nothing is at risk: the token in the URL is the
# subscriber's secret, which a forged request could not know, and the page's
# own form posts to the same URL without a CSRF token (so it sets no cookie).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The personal link: choose which series to keep, or leave them all.

    ``?series=<slug>`` names the series of the message the link came from:
    the page offers to leave it, and the one-click POST (RFC 8058) leaves
    only it. Without it (links sent before series could be chosen) the
    one-click POST leaves every series.
    """
    subscriber = (
        Subscriber.objects.filter(unsubscribe_token=token)
        .prefetch_related(Prefetch("series", BulletinSeries.objects.order_by("name")))
        .first()
    )
    if subscriber is None:
        if request.method == "POST":
            raise Http404
        return render(request, "bulletin/unsubscribe/link_invalid.html", status=404)
    receiving = list(subscriber.series.all())
    came_from = next(
        (one for one in receiving if one.slug == request.GET.get("series")), None
    )
    if request.method == "POST" and "set_language" in request.POST:
        # The page's other form: the language the bulletin comes in.
        subscriptions.set_language(subscriber, request.POST.get("language"))
    if request.method != "POST" or "set_language" in request.POST:
        return render(
            request,
            "bulletin/unsubscribe/unsubscribe.html",
            {
                "subscriber": subscriber,
                "already": subscriber.status == Subscriber.Status.UNSUBSCRIBED,
                "receiving": receiving,
                "came_from": came_from,
                "languages": Language.choices,
                "language_saved": "set_language" in request.POST,
            },
        )
    wordings = shown_wordings(MembershipSettings.for_request(request))
    if request.POST.get("List-Unsubscribe") == "One-Click":
        # A mail program's one-click request: it leaves the message's series
        # (every series if the link names none, or one we no longer know)
        # and gets a short answer, no page.
        slug = request.GET.get("series")
        if came_from is not None:
            subscriptions.unsubscribe(subscriber, wordings, series=[came_from])
        elif not (slug and BulletinSeries.objects.filter(slug=slug).exists()):
            subscriptions.unsubscribe(subscriber, wordings)
        # Otherwise the address does not receive that series: nothing to do.
        return HttpResponse("Unsubscribed.\n", content_type="text/plain; charset=utf-8")
    if "leave_all" in request.POST or len(receiving) < 2:
        subscriptions.unsubscribe(subscriber, wordings)
    else:
        keep = request.POST.getlist("keep")
        subscriptions.keep_only(
            subscriber, [one for one in receiving if one.slug in keep], wordings
        )
    subscriber.refresh_from_db()
    kept = list(subscriber.series.order_by("name"))
    return render(
        request,
        "bulletin/unsubscribe/done.html",
        {
            "subscriber": subscriber,
            "kept": kept if subscriber.status != Subscriber.Status.UNSUBSCRIBED else [],
        },
    )
