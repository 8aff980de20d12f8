from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BulletinConfig(AppConfig):
    name = "psg.bulletin"
    label = "bulletin"
    verbose_name = _("Bulletin")

    def ready(self):
        from .signals import grant_editors_edition_permissions

        post_migrate.connect(grant_editors_edition_permissions, sender=self)
