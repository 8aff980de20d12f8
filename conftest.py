"""Fixtures shared by every app's tests."""

import pytest

from wagtail.models import Site


@pytest.fixture
def site(db):
    """The default site, whose root is the home page the migrations create."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Keep files the tests upload out of var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"
    return settings.MEDIA_ROOT
