"""Join applications: the emails they send, confirming one, purging old ones.

An application holds what the applicant typed until they follow the link in
the confirmation email and press Confirm; only then is a Member made.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from psg.core.addresses import absolute
from psg.core.templated_email import send_email
from psg.members.languages import chosen_language, in_language
from psg.members.models import (
    Consent,
    GiftAidDeclaration,
    JoinApplication,
    Member,
    MembershipType,
    new_payment_reference,
)
from psg.members.tokens import JOIN_SALT, make_token

logger = logging.getLogger(__name__)

# Where a member signs in to manage their membership (psg.members.account).
SIGN_IN_PATH = "/membership/sign-in/"
# The page after confirming shows the member's payment reference: its link
# works for a day, then the welcome email is where to look.
DONE_SALT = "psg.members.join-done"
DONE_LINK_MAX_AGE = 86400
PURGE_AFTER = datetime.timedelta(days=30)

CONSENTS = [
    (Consent.Kind.BULLETIN, "bulletin_consent", "bulletin_consent_wording"),
    (Consent.Kind.EVENTS, "events_consent", "events_consent_wording"),
]


def shown_wordings(membership_settings):
    """The wordings and versions the form shows, as kept with an application."""
    return {
        "gift_aid_wording": membership_settings.gift_aid_wording,
        "gift_aid_wording_version": membership_settings.gift_aid_wording_version,
        "bulletin_consent_wording": membership_settings.bulletin_consent_wording,
        "events_consent_wording": membership_settings.events_consent_wording,
        "consent_wording_version": membership_settings.consent_wording_version,
    }


def create_application(email, data):
    """Keep a valid join form until it is confirmed.

    The member-to-be's payment reference is chosen now: the confirmation link
    names the application by it (not by the email address, which would end up
    in web server logs), and it finds the member once the link has been used.
    """
    reference = new_payment_reference()
    while Member.objects.filter(payment_reference=reference).exists():
        reference = new_payment_reference()
    return JoinApplication.objects.create(
        email=email, data={**data, "payment_reference": reference}
    )


def confirm_token(application):
    return make_token(
        JOIN_SALT, {"a": application.pk, "r": application.data["payment_reference"]}
    )


def pending_application(application_id, reference):
    """The application a confirmation link names, if it still waits."""
    application = JoinApplication.objects.filter(pk=application_id).first()
    if application and application.data.get("payment_reference") == reference:
        return application
    return None


def member_confirmed_by(reference):
    """The member a used confirmation link made, if any."""
    return Member.objects.not_erased().filter(payment_reference=reference).first()


def done_token(member):
    return make_token(DONE_SALT, {"m": member.pk})


def _reply_to(membership_settings):
    return membership_settings.secretary_email or None


def send_confirmation(application, membership_settings):
    """Email the applicant the link that confirms their application, in the
    language they chose on the form."""
    membership_type = MembershipType.objects.filter(
        pk=application.data["membership_type"]
    ).first()
    with in_language(application.data.get("language", "")):
        path = reverse("join-confirm", args=[confirm_token(application)])
        _send_confirmation(application, path, membership_type, membership_settings)


def _send_confirmation(application, path, membership_type, membership_settings):
    send_email(
        "join_confirm",
        {
            "confirm_url": absolute(None, path),
            "membership_type": membership_type,
            "valid_days": max(1, settings.PSG_JOIN_LINK_MAX_AGE // 86400),
        },
        application.email,
        reply_to=_reply_to(membership_settings),
    )


def send_member_exists(member, membership_settings):
    """Tell an existing member how to manage their membership instead (in
    their own language, not the form's: the address is theirs)."""
    with in_language(member):
        send_email(
            "member_exists",
            {"member": member, "sign_in_url": absolute(None, SIGN_IN_PATH)},
            member.email,
            reply_to=_reply_to(membership_settings),
        )


def payment_context(member, membership_settings):
    """What the confirmed page and the welcome email need to say how to pay."""
    return {
        "member": member,
        "membership_type": member.membership_type,
        "fee": member.membership_type.annual_fee,
        "bank": membership_settings,
        "has_bank_details": bool(
            membership_settings.sort_code and membership_settings.account_number
        ),
    }


def send_welcome(member, membership_settings):
    with in_language(member):
        send_email(
            "welcome",
            {
                **payment_context(member, membership_settings),
                "sign_in_url": absolute(None, SIGN_IN_PATH),
            },
            member.email,
            reply_to=_reply_to(membership_settings),
        )


def find_member(email):
    return Member.objects.not_erased().filter(email__iexact=email).first()


class Confirmation:
    CREATED = "created"
    ALREADY = "already-confirmed"
    GONE = "gone"


def confirm_application(application_id, reference):
    """Make the member from a confirmed application, in one transaction.

    Returns (outcome, member): CREATED with the new member; ALREADY when the
    link was used before, or a member with the address exists (two
    applications, one confirmed); GONE when the application no longer exists
    and made nobody a member (purged, or its membership type deleted).
    """
    with transaction.atomic():
        application = (
            JoinApplication.objects.select_for_update()
            .filter(pk=application_id)
            .first()
        )
        if not application or application.data.get("payment_reference") != reference:
            member = member_confirmed_by(reference)
            if member:
                return Confirmation.ALREADY, member
            return Confirmation.GONE, None
        existing = find_member(application.email)
        if existing:
            application.delete()
            return Confirmation.ALREADY, existing
        data = application.data
        membership_type = MembershipType.objects.filter(
            pk=data["membership_type"]
        ).first()
        if membership_type is None:
            application.delete()
            return Confirmation.GONE, None
        member = _create_member(data, membership_type)
        if member is None:
            application.delete()
            return Confirmation.ALREADY, find_member(application.email)
        now = timezone.now()
        shown = data["shown"]
        for kind, field, wording in CONSENTS:
            member.record_consent(
                kind,
                bool(data.get(field)),
                shown[wording],
                shown["consent_wording_version"],
                Consent.Source.JOIN_FORM,
                when=now,
            )
        if data.get("gift_aid"):
            GiftAidDeclaration.objects.create(
                member=member,
                wording=shown["gift_aid_wording"],
                wording_version=shown["gift_aid_wording_version"],
                declared_at=now,
            )
        application.delete()
    return Confirmation.CREATED, member


def _create_member(data, membership_type):
    """A new member, or None if one with the address was made meanwhile."""
    reference = data["payment_reference"]
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Member.objects.create(
                    name=data["name"],
                    organisation=data.get("organisation", ""),
                    email=data["email"],
                    address_line_1=data["address_line_1"],
                    address_line_2=data.get("address_line_2", ""),
                    town=data["town"],
                    county=data.get("county", ""),
                    postcode=data.get("postcode", ""),
                    country=data["country"],
                    membership_type=membership_type,
                    payment_method=data["payment_method"],
                    payment_reference=reference,
                    status=Member.Status.AWAITING_PAYMENT,
                    joined=timezone.localdate(),
                    language=chosen_language(data.get("language", "")),
                )
        except IntegrityError:
            if find_member(data["email"]):
                return None
            # Otherwise the reference was taken meanwhile (by the desk, say).
            reference = new_payment_reference()
    raise RuntimeError("Could not find a free payment reference")


def purge_unconfirmed(now=None):
    """Delete applications never confirmed within 30 days; returns how many."""
    cutoff = (now or timezone.now()) - PURGE_AFTER
    _total, by_model = JoinApplication.objects.filter(created_at__lt=cutoff).delete()
    return by_model.get(JoinApplication._meta.label, 0)
