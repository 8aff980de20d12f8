"""Fixtures for tests that read pages' publication dates (feeds, sitemap,
sharing tags): the root conftest's sections, published as an editor would,
and a clean cache. A conftest imports them to use them."""

import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches the sites' addresses; tests here change them."""
    cache.clear()
    yield
    cache.clear()


def publish(page):
    """Publish ``page`` as an editor does, so it has its publication dates."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def news_index(news_index):
    return publish(news_index)


@pytest.fixture
def publication_index(publication_index):
    return publish(publication_index)


@pytest.fixture
def event_index(event_index):
    return publish(event_index)
