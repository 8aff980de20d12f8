from django.core.management.base import BaseCommand

from psg.home.spanish import ensure_spanish_tree


class Command(BaseCommand):
    help = (
        "Make the Spanish home page (the root of /es/) and the Spanish "
        "sections from the English ones, where they do not exist yet."
    )

    def handle(self, *args, **options):
        home = ensure_spanish_tree()
        self.stdout.write(f"Spanish home page: {home.title} ({home.url})")
