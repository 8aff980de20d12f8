"""Fixtures and shared data for the legacy importer's tests."""

import io
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from psg.core.tests.page_cache_fixtures import (  # noqa: F401 (fixtures)
    committed,
    page_cache,
    varnish,
)
from psg.legacy.models import LegacyItem
from psg.legacy.parsing.common import decode_export
from psg.legacy.parsing.exports import parse_export
from psg.news.models import NewsPage
from psg.taxonomy.models import Series

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
VARIANTS = FIXTURES / "variants"

ARTICLE_WATER = SEEDS / "000_b5b5691a13da30d1.txt"
NEWS_LISTING = SEEDS / "001_1c679d46c2b0d6df.txt"
ARTICLE_MADRE_DE_DIOS = SEEDS / "002_bc288d7eda0ee088.txt"
ARTICLE_CORRIDOR = SEEDS / "003_c7e2b9019d0af56f.txt"
PUBLICATIONS = SEEDS / "004_3c7e524bb34f0cf7.txt"

WATER = "Regional pressure to improve public policy on water management"
# The Puno letter comes in the news listing and as an article page.
PUNO = "Letter from Puno: Using the law to protect community rights"
PUNO_ARTICLE = VARIANTS / "puno_letter_article.txt"
PUNO_LISTING_TEASER = (
    "Jatucachi is an indigenous community in an area straddling the border "
    "between Puno and Moquegua regions. It has become the centre of legal "
    "attention as the indigenous leaders, with the help of a local NGO, "
    "struggle to enforce their rights to prior consultation (consulta previa) "
    "against a number of…"
)
PUNO_ARTICLE_BODY = [
    "<p>Jatucachi is an indigenous community in an area straddling the border "
    "between Puno and Moquegua regions.</p>",
    "<p>The community's leaders went to court to enforce their right to prior "
    "consultation before any mining concession is granted on their land.</p>",
    "<p>The case will be heard in Juliaca later this year.</p>",
]

# The legacy site's sidebar, as it ends an export.
SIDEBAR = """
  • PSG Aims

    The Peru Support Group exists to promote social inclusion.

  • Why join the PSG?

    • Keep up to date with latest news and developments in Peru
    • Support the work of the Peru Support Group

    Become a member"""


def parse_file(path):
    """What the parser makes of an export file."""
    return parse_export(decode_export(path.read_bytes()), path.name)


def run_import(*paths, **options):
    """Run import_legacy; returns its standard output."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "import_legacy",
        *(str(path) for path in paths),
        stdout=stdout,
        stderr=stderr,
        **options,
    )
    return stdout.getvalue()


def news(title):
    return NewsPage.objects.get(title=title)


def body(page):
    return [block.value.source for block in page.body]


def snapshot():
    """Everything a re-import must leave exactly as it was."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "pk", "latest_revision_id", "last_published_at", "slug"
            )
        ),
        "revisions": Revision.objects.count(),
        "records": sorted(
            LegacyItem.objects.values_list("key", "updated_at", "page_id")
        ),
        "redirects": sorted(
            Redirect.objects.values_list("old_path", "redirect_page_id")
        ),
        "series": Series.objects.count(),
        "regions": sorted(NewsPage.regions.through.objects.values_list("pk")),
    }


@pytest.fixture
def import_files(db):
    return run_import


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The five seeds imported once for a module, and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield run_import(SEEDS)
        transaction.set_rollback(True)


@pytest.fixture
def export_file(tmp_path):
    """Write an export into a temporary folder: export_file(name, text_or_bytes)."""

    def write(name, content):
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write
