from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardPagesConfig(AppConfig):
    name = "psg.standard_pages"
    label = "standard_pages"
    verbose_name = _("Standard pages")
