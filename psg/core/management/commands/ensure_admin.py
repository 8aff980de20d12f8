import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

# The name of the variable, as Django's createsuperuser reads it.
PASSWORD_VARIABLE = "DJANGO_SUPERUSER_PASSWORD"  # noqa: S105


def random_username():
    """A first username no one can guess, so a password is not half the way in."""
    return f"admin-{secrets.token_hex(4)}"


class Command(BaseCommand):
    help = (
        "Create the first admin account if the site has no superuser yet, and "
        "print how to sign in. The username and the password are random unless "
        f"--username or {PASSWORD_VARIABLE} choose them. Does nothing if a "
        "superuser exists. See docs/demo-content.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", help="The first username (default: admin- and random)."
        )
        parser.add_argument("--email", default="admin@localhost")

    def handle(self, *args, **options):
        user_model = get_user_model()
        manager = user_model._default_manager
        if manager.filter(is_superuser=True).exists():
            if options["verbosity"] > 1:
                self.stdout.write("A superuser exists already; no account created.")
            return
        username = options["username"] or random_username()
        if manager.filter(**{user_model.USERNAME_FIELD: username}).exists():
            raise CommandError(
                f"A user named {username!r} exists but is not a superuser; "
                "choose another name with --username."
            )
        password = os.environ.get(PASSWORD_VARIABLE)
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        fields = {"email": options["email"], user_model.USERNAME_FIELD: username}
        manager.create_superuser(password=password, **fields)
        port = os.environ.get("PORT") or "8000"
        shown = (
            f"password {password}"
            if generated
            else f"password from {PASSWORD_VARIABLE}"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin account created: http://127.0.0.1:{port}/admin/ "
                f"user {username}, {shown}"
            )
        )
        self.stdout.write(
            "The first sign-in asks you to set up two-factor sign-in: have an "
            "authenticator app ready on your phone (FreeOTP, Aegis, Google or "
            "Microsoft Authenticator). docs/security.md says more."
        )
