import logging

from django.core.management.base import BaseCommand

from psg.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Create the demo site: sections, standard pages, news, publications "
        "with PDFs, events, pictures, menus and sidebar, and their Spanish "
        "versions under /es/; bulletin subscribers and a draft edition in "
        "English and Spanish. Safe to run again: it only creates what is "
        "missing and leaves edited content alone."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        # Wagtail logs every page it creates and publishes; show that only
        # when asked for with -v2.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        if verbosity < 2:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            summary = load_demo_content()
        finally:
            wagtail_logger.setLevel(level)
        if verbosity > 0:
            self.stdout.write(str(summary))
