"""The feeds (included before Wagtail's catch-all).

The feed addresses are public and kept stable: docs/feeds-and-metadata.md
lists them.
"""

from django.urls import path

from .feeds import (
    FEED_TYPES,
    NewsFeed,
    PublicationsFeed,
    RegionNewsFeed,
    SeriesNewsFeed,
    TopicNewsFeed,
    feed_url_name,
)

urlpatterns = []

for feed_format in FEED_TYPES:
    urlpatterns += [
        path(
            f"feeds/news.{feed_format}",
            NewsFeed(feed_format),
            name=feed_url_name("news", feed_format),
        ),
        path(
            f"feeds/regions/<slug:slug>.{feed_format}",
            RegionNewsFeed(feed_format),
            name=feed_url_name("region", feed_format),
        ),
        path(
            f"feeds/topics/<slug:slug>.{feed_format}",
            TopicNewsFeed(feed_format),
            name=feed_url_name("topic", feed_format),
        ),
        path(
            f"feeds/series/<slug:slug>.{feed_format}",
            SeriesNewsFeed(feed_format),
            name=feed_url_name("series", feed_format),
        ),
        path(
            f"feeds/publications.{feed_format}",
            PublicationsFeed(feed_format),
            name=feed_url_name("publications", feed_format),
        ),
    ]
