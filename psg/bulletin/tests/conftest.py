"""Fixtures for the bulletin's sending tests: an edition ready to go."""

import datetime

import pytest

from psg.bulletin.models import BulletinSeries
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def edition_to_send(home_page):
    """Update 120 of 22 November 2026: an introduction and two news items."""
    series = BulletinSeries.objects.get(slug="update")
    series.reply_to = "editor@perusupportgroup.org.uk"
    series.from_name = "PSG Update"
    series.save()
    news_index = NewsIndexPageFactory(parent=home_page)
    edition = EditionFactory(
        series=series,
        number=120,
        date=datetime.date(2026, 11, 22),
        introduction='<p>A month of <a href="/news/">protests</a> in the south.</p>',
    )
    for title, teaser in [
        ("Mining conflict in Espinar", "Communities block the road to the mine."),
        ("Elections in Lima", "O'Brien's report from the count."),
    ]:
        page = NewsPageFactory(parent=news_index, title=title, teaser=teaser)
        EditionItemFactory(edition=edition, page=page)
    return edition


@pytest.fixture
def fast_sending(settings):
    """Small batches, no rate limit: several batches in a quick test."""
    settings.PSG_BULLETIN_BATCH_SIZE = 2
    settings.PSG_BULLETIN_RATE = 0
    return settings
