"""Signing staff in through the real forms, and the codes an app would show."""

import datetime
import re

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from psg.members.tests.factories import editor_user, secretary_user

PASSWORD = "a long staff passphrase"
LOGIN = "/admin/login/"
ENROL = "/admin/two-factor/enrol/"
VERIFY = "/admin/two-factor/verify/"
CODES = "/admin/two-factor/recovery-codes/"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def superuser(username="boss"):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.org", PASSWORD
    )


def secretary(username="secretary"):
    return with_password(secretary_user(username))


def editor(username="editor"):
    return with_password(editor_user(username))


def bulletin_sender(username="sender"):
    """A user whose only power is sending the bulletin (and the admin)."""
    user = with_password(
        get_user_model().objects.create_user(username, f"{username}@example.org")
    )
    group = Group.objects.create(name="Bulletin senders")
    group.permissions.add(
        Permission.objects.get(codename="send_edition"),
        Permission.objects.get(codename="access_admin"),
    )
    user.groups.add(group)
    return user


def sign_in(client, user, password=PASSWORD, **extra):
    """The admin's sign-in form, as a browser posts it."""
    return client.post(
        LOGIN, {"username": user.get_username(), "password": password}, **extra
    )


def code_for(device):
    """The code the staff member's app shows now."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def code_after(device):
    """The next code (a code works once, so a second sign-in needs the next)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += device.step
    return f"{totp.token():0{device.digits}d}"


def throttle_passes(user):
    """Let the wait after a wrong code run out (django-otp doubles it each time)."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(
            throttling_failure_timestamp=timezone.now() - datetime.timedelta(hours=1)
        )


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def secret_on_page(html):
    """The secret the enrol page shows as text, spaces taken out."""
    match = re.search(r"<code data-secret>([A-Z2-7 ]+)</code>", html)
    return match.group(1).replace(" ", "")
