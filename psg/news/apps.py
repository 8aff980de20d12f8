from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page


class NewsConfig(AppConfig):
    name = "psg.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        # Reads the news models: imported once the registry is ready.
        from .purges import news_paths

        register_urls_for_page(news_paths)
