"""The bulletin archive's part of /sitemap.xml (added in ``psg.urls``)."""

from django.urls import reverse

from psg.core.addresses import absolute
from psg.metadata.sitemaps import as_moment, newest

from .archive import archive


def archive_entries(site):
    """The archive page and each published edition's: ``(absolute URL, lastmod)``.

    An edition changed when its row did (an imported edition on its date); the
    archive when its newest edition did.
    """
    editions = []
    for _series, years in archive():
        for _year, views in years:
            for view in views:
                lastmod = (
                    view.edition.updated_at
                    if view.edition is not None
                    else as_moment(view.date)
                )
                editions.append((absolute(site, view.get_absolute_url()), lastmod))
    if not editions:
        return []
    archive_url = absolute(site, reverse("bulletin-archive"))
    return [
        (archive_url, newest(*(lastmod for _url, lastmod in editions))),
        *editions,
    ]
