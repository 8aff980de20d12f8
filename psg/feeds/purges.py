"""The feeds a page is in: news (all, and each of its regions, topics and
series) or publications, in every format (docs/caching.md)."""

from django.urls import reverse

from psg.news.models import NewsPage
from psg.publications.models import PublicationPage

from .feeds import FEED_TYPES, feed_url_name


def feed_paths(page, site):
    paths = []
    for feed_format in FEED_TYPES:
        if isinstance(page, PublicationPage):
            paths.append(reverse(feed_url_name("publications", feed_format)))
        if not isinstance(page, NewsPage):
            continue
        paths.append(reverse(feed_url_name("news", feed_format)))
        terms = [("region", region) for region in page.regions.all()]
        terms += [("topic", topic) for topic in page.topics.all()]
        if page.series_id:
            terms.append(("series", page.series))
        paths += [
            reverse(feed_url_name(subject, feed_format), kwargs={"slug": term.slug})
            for subject, term in terms
        ]
    return paths
