"""import_legacy as an operator runs it: arguments, output, progress."""

import datetime
import io

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from psg.news.models import NewsPage

from .conftest import ARTICLE_CORRIDOR, ARTICLE_WATER, NEWS_LISTING, SIDEBAR


class Terminal(io.StringIO):
    def isatty(self):
        return True


def call(*args, stderr=None, **options):
    stdout = io.StringIO()
    stderr = stderr if stderr is not None else io.StringIO()
    call_command(
        "import_legacy", *map(str, args), stdout=stdout, stderr=stderr, **options
    )
    return stdout.getvalue(), stderr.getvalue()


@pytest.mark.django_db
def test_closing_summary():
    stdout, _ = call(ARTICLE_WATER, NEWS_LISTING)
    assert stdout.splitlines() == [
        "Files read: 2, skipped: 0",
        "Pages created: 11",
        "Pages updated: 0",
        "Unchanged or skipped items: 0 (0 unchanged, 0 skipped)",
        "Legacy addresses redirected: 0 new",
        "Problems: 0",
    ]


@pytest.mark.django_db
def test_an_import_purges_the_page_caches_once_not_page_by_page(varnish, committed):
    varnish.received.clear()

    committed(call, ARTICLE_WATER, NEWS_LISTING)

    assert NewsPage.objects.count() == 11
    assert varnish.received == [("BAN", "/", "localhost")]


@pytest.mark.django_db
def test_verbose_output_names_every_item():
    stdout, _ = call(ARTICLE_WATER, verbosity=2)
    assert stdout.splitlines()[0] == (
        "created: Regional pressure to improve public policy on water management "
        "(000_b5b5691a13da30d1.txt)"
    )
    stdout, _ = call(ARTICLE_WATER, verbosity=0)
    assert stdout == ""


@pytest.mark.django_db
def test_progress_bar_on_request_or_on_a_terminal_for_several_files():
    _, stderr = call(ARTICLE_WATER, ARTICLE_CORRIDOR, progress=True, dry_run=True)
    assert "2/2" in stderr
    _, stderr = call(ARTICLE_WATER, ARTICLE_CORRIDOR, dry_run=True)
    assert "2/2" not in stderr
    terminal = Terminal()
    call(ARTICLE_WATER, ARTICLE_CORRIDOR, stderr=terminal, dry_run=True)
    assert "2/2" in terminal.getvalue()
    terminal = Terminal()
    call(ARTICLE_WATER, stderr=terminal, dry_run=True)
    assert "1/1" not in terminal.getvalue()


@pytest.mark.django_db
def test_missing_paths_and_empty_folders_are_problems(tmp_path):
    with pytest.raises(CommandError, match="Nothing could be imported"):
        call(tmp_path / "nowhere", tmp_path)
    stdout, _ = call(tmp_path / "nowhere", ARTICLE_WATER)
    assert f"  - {tmp_path / 'nowhere'}: no such file or folder" in stdout
    assert NewsPage.objects.count() == 1


@pytest.mark.django_db
def test_folders_are_read_recursively_for_txt_files(tmp_path):
    (tmp_path / "2019" / "march").mkdir(parents=True)
    (tmp_path / "2019" / "march" / "a.txt").write_bytes(ARTICLE_WATER.read_bytes())
    (tmp_path / "notes.md").write_text("Not an export.")
    stdout, _ = call(tmp_path)
    assert "Files read: 1, skipped: 0" in stdout
    assert NewsPage.objects.get().title.startswith("Regional pressure")


@pytest.mark.django_db
def test_bare_update_numbers_and_undated_articles_through_the_command(tmp_path):
    (tmp_path / "listing.txt").write_text(
        "  • Miners march on Lima\n\n    119 12 March 2004\n\n    They marched.\n\n"
        "  • Strike in Puno\n\n    120. 2 April 2004\n\n    They struck.\n" + SIDEBAR
    )
    (tmp_path / "article-77.txt").write_text(
        "Floods in Piura\n\nThe rains came early this year.\n\nAll news\n" + SIDEBAR
    )
    stdout, _ = call(tmp_path)
    assert stdout.splitlines() == [
        "Files read: 2, skipped: 0",
        "Pages created: 3",
        "Pages updated: 0",
        "Unchanged or skipped items: 0 (0 unchanged, 0 skipped)",
        "Legacy addresses redirected: 1 new",
        "Problems: 1",
        '  - article-77.txt, line 1 ("Floods in Piura"): no date line: imported '
        "without a date",
    ]
    pages = {
        page.title: (page.date, page.bulletin_name, page.bulletin_number, page.live)
        for page in NewsPage.objects.all()
    }
    assert pages == {
        "Miners march on Lima": (datetime.date(2004, 3, 12), "Update", 119, True),
        "Strike in Puno": (datetime.date(2004, 4, 2), "Update", 120, True),
        "Floods in Piura": (None, "", None, True),
    }
    assert Client().get("/article-77.html").url == "/news/floods-in-piura/"
    # Again: nothing new, nothing changed.
    stdout, _ = call(tmp_path)
    assert "Pages created: 0" in stdout
    assert "Unchanged or skipped items: 3 (3 unchanged, 0 skipped)" in stdout
