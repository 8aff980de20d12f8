from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    name = "psg.legacy"
    label = "legacy"
    verbose_name = _("Legacy")

    def ready(self):
        # signals imports auth's models, which need the app registry ready.
        from .signals import grant_editors_view_permission

        post_migrate.connect(grant_editors_view_permission, sender=self)
