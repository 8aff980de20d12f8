from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page


class HomeConfig(AppConfig):
    name = "psg.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        # Reads the site's pages: imported once the registry is ready.
        from .purges import home_paths

        register_urls_for_page(home_paths)
