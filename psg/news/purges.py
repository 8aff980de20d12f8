"""Where else a news item shows: its series' page under /news/, and the items
that name it, or its version in another language, as related
(docs/caching.md)."""

from psg.core.purging import page_path

from .models import NewsIndexPage, NewsPage, RelatedItem


def news_paths(page, site):
    # A related item names a page in one language, and shows its version in
    # the item's language (NewsPage.related_pages): any version counts.
    related = RelatedItem.objects.filter(page__translation_key=page.translation_key)
    paths = [page_path(item.source) for item in related.select_related("source")]
    if isinstance(page, NewsPage) and page.series_id:
        index = page.get_parent().specific
        if isinstance(index, NewsIndexPage):
            route = index.reverse_subpage("series", args=[page.series.slug])
            paths.append(page_path(index) + route)
    return paths
