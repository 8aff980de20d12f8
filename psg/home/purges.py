"""The home page shows the newest items: a publish purges it (docs/caching.md)."""

from psg.core.purging import page_path


def home_paths(page, site):
    return [page_path(site.root_page)]
