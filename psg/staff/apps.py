from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "psg.staff"
    label = "staff"
    verbose_name = _("Staff accounts")

    def ready(self):
        # Connects the sign-in signal; the module uses the auth models.
        from psg.staff import sessions  # noqa: F401
