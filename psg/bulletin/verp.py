"""Signed per-delivery return paths (VERP), so a bounce can be trusted.

Each bulletin message goes out with its own envelope sender,
``bounces+<delivery id>-<signature>@<domain>`` (from PSG_BOUNCE_ADDRESS), the
signature a keyed hash of the delivery's number under SECRET_KEY. A bounce
comes back to that address; only a signature made here matches, so a forged
report naming someone else's address changes nothing (docs/bulletin.md,
"Bounces"; docs/security.md, "The bulletin").
"""

import re
from email.utils import parseaddr

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

_SALT = "psg.bulletin.verp"
_SIGNATURE_LENGTH = 20  # hex digits: 80 bits


def bounce_address():
    """The address bounces go to: PSG_BOUNCE_ADDRESS, or bounces@ the
    domain of DEFAULT_FROM_EMAIL."""
    configured = getattr(settings, "PSG_BOUNCE_ADDRESS", "") or ""
    if configured:
        return parseaddr(configured)[1]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return f"bounces@{domain or 'localhost'}"


def _signature(delivery_id):
    return salted_hmac(_SALT, str(delivery_id)).hexdigest()[:_SIGNATURE_LENGTH]


def return_path(delivery_id):
    """The envelope sender of the message of delivery ``delivery_id``."""
    local, _at, domain = bounce_address().rpartition("@")
    return f"{local}+{delivery_id}-{_signature(delivery_id)}@{domain}"


def delivery_id(address):
    """The delivery number in a return path made by ``return_path``, or None
    if ``address`` is not one or its signature does not match."""
    local, _at, domain = bounce_address().rpartition("@")
    pattern = re.compile(
        rf"{re.escape(local)}\+(\d{{1,18}})-([0-9a-f]{{{_SIGNATURE_LENGTH}}})"
        rf"@{re.escape(domain)}",
        re.IGNORECASE,
    )
    match = pattern.fullmatch(parseaddr(str(address))[1].strip())
    if match is None:
        return None
    number, signature = int(match.group(1)), match.group(2).lower()
    if not constant_time_compare(signature, _signature(number)):
        return None
    return number
