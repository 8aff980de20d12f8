"""Fixtures for the legacy importer's tests."""

import io
from pathlib import Path

import pytest

from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
VARIANTS = FIXTURES / "variants"

ARTICLE_WATER = SEEDS / "000_b5b5691a13da30d1.txt"
NEWS_LISTING = SEEDS / "001_1c679d46c2b0d6df.txt"
ARTICLE_MADRE_DE_DIOS = SEEDS / "002_bc288d7eda0ee088.txt"
ARTICLE_CORRIDOR = SEEDS / "003_c7e2b9019d0af56f.txt"
PUBLICATIONS = SEEDS / "004_3c7e524bb34f0cf7.txt"


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


@pytest.fixture
def import_files(db):
    return run_import


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
