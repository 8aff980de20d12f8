"""/search/ is purged again once the background task has indexed a change:
a search made between the publish and the indexing must not stay cached."""

import pytest
from modelsearch.tasks import insert_or_update_object_task

from psg.members.tasks import purge_join_applications
from psg.news.tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_an_index_update_purges_every_search(varnish, committed, news_index):
    page = NewsPageFactory(parent=news_index, title="Drought in Puno")
    varnish.received.clear()

    committed(insert_or_update_object_task.enqueue, "news", "newspage", page.pk)

    assert varnish.received == [("PURGE", "/search/", "localhost")]


def test_other_tasks_leave_the_searches_cached(varnish, committed):
    varnish.received.clear()

    committed(purge_join_applications.enqueue)

    assert varnish.received == []
