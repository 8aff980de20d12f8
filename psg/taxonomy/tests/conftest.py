import pytest

from django.core.cache import cache

from .factories import RegionIndexPageFactory, TopicIndexPageFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """The map's counts are cached; each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sections(news_index, publication_index, event_index):
    """The news, publications and events sections under the home page."""
    return {
        "news": news_index,
        "publications": publication_index,
        "events": event_index,
    }


@pytest.fixture
def region_index(home_page):
    return RegionIndexPageFactory(parent=home_page)


@pytest.fixture
def topic_index(home_page):
    return TopicIndexPageFactory(parent=home_page)
