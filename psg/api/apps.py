from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "psg.api"
    label = "api"
    verbose_name = _("Partners' API")

    def ready(self):
        # Registers the OpenAPI description of the API's query parameters;
        # imported here because it reads the models.
        from . import schema  # noqa: F401
