from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "psg.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Reads the page models and the snippets, which exist only once the
        # app registry is ready.
        from . import purge_signals

        purge_signals.connect()
