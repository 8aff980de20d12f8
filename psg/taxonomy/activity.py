"""How much each region has had in the last twelve months, for the map.

The counts are one aggregate query, kept in the cache for a few minutes
(``PSG_REGION_COUNTS_CACHE_SECONDS``) and dropped whenever a news item,
publication or event is published, unpublished or deleted, or a region is
saved.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from psg.core.locales import active_language
from psg.core.text import fold

from .items import terms_with_counts
from .terms import Region

CACHE_KEY = "psg:taxonomy:region-activity:{language}:{day}"


def twelve_months_before(day):
    """The same day a year earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def region_activity(today=None, language=None):
    """Every region of ``language`` (by default the active one) with the
    number of its items dated in the last 12 months.

    A list of dicts (slug, name, name_es, count) in alphabetical order
    (Áncash among the As); news and
    publications count from their date, events from their start, so upcoming
    events count too. Cached per language and day for a few minutes.
    """
    today = today or timezone.localdate()
    language = language or active_language()
    key = CACHE_KEY.format(language=language, day=today.isoformat())
    rows = cache.get(key)
    if rows is None:
        regions = sorted(
            terms_with_counts(
                Region.objects.in_language(language),
                "regions",
                since=twelve_months_before(today),
            ),
            key=lambda region: fold(region.name),
        )
        rows = [
            {
                "slug": region.slug,
                "name": region.name,
                "name_es": region.name_es,
                "count": region.item_count,
            }
            for region in regions
        ]
        cache.set(key, rows, settings.PSG_REGION_COUNTS_CACHE_SECONDS)
    return rows


def forget_region_activity(**kwargs):
    """Drop today's (and yesterday's, around midnight) cached counts."""
    today = timezone.localdate()
    cache.delete_many(
        [
            CACHE_KEY.format(language=language, day=day.isoformat())
            for day in (today, today - datetime.timedelta(days=1))
            for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        ]
    )
