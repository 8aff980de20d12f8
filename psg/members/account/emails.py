"""Sign-in links for members: make, read and send them."""

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from psg.core.addresses import absolute
from psg.core.templated_email import send_email
from psg.members import tokens
from psg.members.languages import in_language
from psg.members.models import Member
from psg.members.renewals import membership_settings


def _fingerprint(member):
    # Changes when the member signs in with the link (updated_at is touched),
    # changes their email or is erased, so a used or outdated link stops working.
    value = f"{member.pk}|{member.email.lower()}|{member.updated_at.isoformat()}"
    return salted_hmac(tokens.SIGNIN_SALT, value).hexdigest()[:24]


def signin_token(member):
    return tokens.make_token(
        tokens.SIGNIN_SALT, {"m": member.pk, "f": _fingerprint(member)}
    )


def member_for_token(token):
    """(member, expired): the member a sign-in link is for, or None."""
    payload, expired = tokens.read_token(
        tokens.SIGNIN_SALT, token, settings.PSG_SIGNIN_LINK_MAX_AGE
    )
    if not isinstance(payload, dict) or not isinstance(payload.get("m"), int):
        return None, expired
    member = Member.objects.not_erased().filter(pk=payload["m"]).first()
    if member is None or not constant_time_compare(
        str(payload.get("f", "")), _fingerprint(member)
    ):
        return None, False
    return member, False


def send_signin_email(member_id):
    """Email a member their sign-in link; nothing if they are gone or erased."""
    member = Member.objects.not_erased().filter(pk=member_id).first()
    if member is None:
        return 0
    membership = membership_settings()
    # In the member's language: the task worker has none of its own.
    with in_language(member):
        return _send_signin_email(member, membership)


def _send_signin_email(member, membership):
    path = reverse("membership-sign-in-confirm", args=[signin_token(member)])
    return send_email(
        "signin_link",
        {
            "member": member,
            "link": absolute(None, path),
            "minutes": settings.PSG_SIGNIN_LINK_MAX_AGE // 60,
            "secretary_email": membership.secretary_email,
        },
        to=member.email,
        reply_to=membership.secretary_email or None,
    )
