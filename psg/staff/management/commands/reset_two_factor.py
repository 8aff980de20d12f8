from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator app and recovery codes (a lost "
        "phone): they set up two-factor sign-in again at their next sign-in. "
        "See docs/security.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        user = user_model._default_manager.filter(
            **{user_model.USERNAME_FIELD: username}
        ).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        self.stdout.write(
            f"Two-factor sign-in reset for {username}: they set it up again "
            "when they next sign in."
        )
