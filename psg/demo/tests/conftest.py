"""The demo content, loaded once for the demo tests inside a transaction
rolled back at the end; each test runs in a savepoint of its own, so tests
that change or reload the content do not affect the others."""

import pytest

from django.db import transaction
from django.test import override_settings

from .loading import load


@pytest.fixture(scope="package")
def media_root(tmp_path_factory):
    path = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=path):
        yield path


@pytest.fixture(scope="package")
def first_load(django_db_setup, django_db_blocker, media_root):
    """(created, present) of the first load."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


@pytest.fixture
def demo(first_load, db):
    return first_load
