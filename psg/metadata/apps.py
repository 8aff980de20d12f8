from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetadataConfig(AppConfig):
    name = "psg.metadata"
    label = "metadata"
    verbose_name = _("Page metadata")
