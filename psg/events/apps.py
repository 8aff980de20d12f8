from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page


class EventsConfig(AppConfig):
    name = "psg.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Reads the event model: imported once the registry is ready.
        from .purges import calendar_paths

        register_urls_for_page(calendar_paths)
