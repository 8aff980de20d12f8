"""Where else a news item shows: its series' page under /news/, and the items
that name it as related (docs/caching.md)."""

from psg.core.purging import page_path

from .models import NewsIndexPage, NewsPage, RelatedItem


def news_paths(page, site):
    paths = [
        page_path(item.source)
        for item in RelatedItem.objects.filter(page=page).select_related("source")
    ]
    if isinstance(page, NewsPage) and page.series_id:
        index = page.get_parent().specific
        if isinstance(index, NewsIndexPage):
            route = index.reverse_subpage("series", args=[page.series.slug])
            paths.append(page_path(index) + route)
    return paths
