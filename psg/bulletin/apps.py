from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinConfig(AppConfig):
    name = "psg.bulletin"
    label = "bulletin"
    verbose_name = _("Bulletin")
