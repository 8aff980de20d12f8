import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "psg.settings.production")

django_application = get_wsgi_application()

# A page held by the embedded cache is answered here, before Django builds a
# request or runs any middleware (psg.core.page_cache, docs/caching.md).
from psg.core.page_cache import wrap_wsgi  # noqa: E402 (needs Django set up)

application = wrap_wsgi(django_application)
