"""The bulletin archive's pages that show an item: the archive index, and
each edition (page and PDF) that lists it, made or imported (docs/caching.md)."""

from django.urls import reverse

from psg.news.models import NewsPage

from .models import BulletinSeries, EditionItem


def edition_paths(series_slug, number):
    kwargs = {"series": series_slug, "number": number}
    return [
        reverse("bulletin-edition", kwargs=kwargs),
        reverse("bulletin-edition-pdf", kwargs=kwargs),
    ]


def archive_paths(page, site):
    editions = {
        (item.edition.series.slug, item.edition.number)
        for item in EditionItem.objects.filter(page=page).select_related(
            "edition__series"
        )
    }
    if isinstance(page, NewsPage) and page.bulletin_name and page.bulletin_number:
        editions |= {
            (series.slug, page.bulletin_number)
            for series in BulletinSeries.objects.filter(name__iexact=page.bulletin_name)
        }
    paths = [reverse("bulletin-archive")] if editions else []
    for series_slug, number in sorted(editions):
        paths += edition_paths(series_slug, number)
    return paths
