"""The bulletin archive's pages that show an item: the archive index, and
each edition (page and PDF) that lists it, made or imported (docs/caching.md)."""

from django.urls import reverse

from psg.core.purging import purge_paths_on_every_site
from psg.news.models import NewsPage

from .models import BulletinSeries, Edition, EditionItem


def edition_paths(series_slug, number):
    kwargs = {"series": series_slug, "number": number}
    # Both languages: the English edition's pages list the Spanish one's.
    return [
        reverse(name, kwargs=kwargs)
        for name in (
            "bulletin-edition",
            "bulletin-edition-pdf",
            "bulletin-edition-es",
            "bulletin-edition-pdf-es",
        )
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


def purge_edition(edition):
    """An edition sent, edited or deleted: the archive, the edition's page
    (a 404 until it was sent) and PDF, and the sitemap that lists them."""
    purge_paths_on_every_site(
        [
            reverse("bulletin-archive"),
            reverse("sitemap"),
            *edition_paths(edition.series.slug, edition.number),
        ]
    )


def edition_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    edition = instance if sender is Edition else instance.edition
    purge_edition(edition)
