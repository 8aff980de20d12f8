import pytest

from django.core.cache import cache

from psg.events.tests.factories import EventIndexPageFactory
from psg.news.tests.factories import NewsIndexPageFactory
from psg.publications.tests.factories import PublicationIndexPageFactory

from .factories import RegionIndexPageFactory, TopicIndexPageFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """The map's counts are cached; each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sections(home_page):
    """The news, publications and events sections under the home page."""
    return {
        "news": NewsIndexPageFactory(parent=home_page),
        "publications": PublicationIndexPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
    }


@pytest.fixture
def region_index(home_page):
    return RegionIndexPageFactory(parent=home_page)


@pytest.fixture
def topic_index(home_page):
    return TopicIndexPageFactory(parent=home_page)
