from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page

from .purges import search_paths


class SearchConfig(AppConfig):
    name = "psg.search"
    label = "psg_search"
    verbose_name = _("Site search")

    def ready(self):
        register_urls_for_page(search_paths)
