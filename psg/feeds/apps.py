from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page


class FeedsConfig(AppConfig):
    name = "psg.feeds"
    label = "feeds"
    verbose_name = _("Feeds")

    def ready(self):
        # Reads the page models: imported once the registry is ready.
        from .purges import feed_paths

        register_urls_for_page(feed_paths)
