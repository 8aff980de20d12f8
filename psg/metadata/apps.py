from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page

from .purges import sitemap_paths


class MetadataConfig(AppConfig):
    name = "psg.metadata"
    label = "metadata"
    verbose_name = _("Page metadata")

    def ready(self):
        register_urls_for_page(sitemap_paths)
