"""Signed, expiring links sent by email.

Each purpose has its own salt, so a link made for one can't be used for
another; the payload names the object and a value that changes once the link
has been used (so a used link stops working).
"""

from django.core import signing

JOIN_SALT = "psg.members.join-confirm"
SIGNIN_SALT = "psg.members.sign-in"


def make_token(salt, payload):
    return signing.TimestampSigner(salt=salt).sign_object(payload, compress=True)


def read_token(salt, token, max_age):
    """The payload, or None if the token is forged, altered or expired.

    Also returns whether it had expired, so the page can say which.
    """
    try:
        return signing.TimestampSigner(salt=salt).unsign_object(
            token, max_age=max_age
        ), False
    except signing.SignatureExpired:
        return None, True
    except signing.BadSignature:
        return None, False
