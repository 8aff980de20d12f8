from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "psg.search"
    label = "psg_search"
    verbose_name = _("Site search")
