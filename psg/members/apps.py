from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "psg.members"
    label = "members"
    verbose_name = _("Membership")

    def ready(self):
        # Imports models, which can only be loaded once the app registry is.
        from .groups import create_membership_secretary_group

        post_migrate.connect(
            create_membership_secretary_group,
            sender=self,
            dispatch_uid="psg.members.create_membership_secretary_group",
        )
