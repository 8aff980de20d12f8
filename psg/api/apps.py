from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page


class ApiConfig(AppConfig):
    name = "psg.api"
    label = "api"
    verbose_name = _("Partners' API")

    def ready(self):
        # Registers the OpenAPI description of the API's query parameters;
        # imported here because it reads the models.
        from . import schema  # noqa: F401
        from .purges import api_paths

        register_urls_for_page(api_paths)
