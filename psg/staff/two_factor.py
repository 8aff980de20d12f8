"""Two-factor sign-in for staff, on django-otp (docs/security.md).

Each staff member has one TOTP device (an authenticator app) and one static
device holding their recovery codes, each code usable once.
"""

import base64

import segno
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.db import transaction

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def has_device(user):
    """Whether the user has finished enrolling (a confirmed authenticator)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user):
    """The unconfirmed authenticator shown while enrolling: one per user, the
    same secret until it is confirmed, so reloading the page keeps it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The secret as people type it into an app: base32 in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The device's otpauth:// address as an inline SVG QR code."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", title="QR code"
    )


@transaction.atomic
def confirm(device, code):
    """Confirm a pending authenticator with a code from it; True if it fits."""
    if not device.verify_token(normalise(code)):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones, and return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def normalise(code):
    return "".join((code or "").split()).lower()


def verify(user, code):
    """The device that accepts ``code`` (a TOTP, or a recovery code, which is
    then used up), or None. Each device throttles its own failures."""
    code = normalise(code)
    if not code:
        return None
    wanted = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, wanted) and device.verify_token(code):
                return device
    return None


def throttled_until(user):
    """When the user's devices take codes again after failures, or None."""
    until = []
    for device in devices_for_user(user, confirmed=True):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            until.append(data["locked_until"])
    return min(until) if until else None
