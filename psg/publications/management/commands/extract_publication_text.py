"""Read the text of every publication's PDFs again, for the site search."""

from django.core.management.base import BaseCommand

from psg.publications.models import PublicationPage
from psg.publications.pdf_text import update_publication_text


class Command(BaseCommand):
    help = (
        "Read the text of the PDF files of every publication (or of those "
        "given by id) and re-index them. Publications whose files have not "
        "changed since their last reading are skipped unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="publication page ids")
        parser.add_argument(
            "--force", action="store_true", help="read unchanged files again"
        )

    def handle(self, *args, ids=(), force=False, **options):
        pages = PublicationPage.objects.order_by("pk")
        if ids:
            pages = pages.filter(pk__in=ids)
        counts = {"updated": 0, "unchanged": 0, "missing": 0}
        for page_id in pages.values_list("pk", flat=True).iterator():
            counts[update_publication_text(page_id, force=force)] += 1
        self.stdout.write(
            "Publications: {updated} read, {unchanged} unchanged.".format(**counts)
        )
