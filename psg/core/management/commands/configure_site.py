from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Point the default Wagtail site at the public address in BASE_URL, "
        "so canonical links, feeds and calendars carry the right host."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="Defaults to the BASE_URL setting, e.g. https://perusupportgroup.org.uk",
        )

    def handle(self, *args, base_url=None, **options):
        url = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise CommandError(f"Not an http(s) address: {base_url!r}")
        port = url.port or (443 if url.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site; run migrate first.")
        if (site.hostname, site.port) == (url.hostname, port):
            return
        site.hostname, site.port = url.hostname, port
        site.save()
        self.stdout.write(f"Site address set to {url.scheme}://{url.hostname}:{port}")
