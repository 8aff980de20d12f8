"""Where a page shows through its terms: the region and topic indexes (their
map and counts) and each of its regions' and topics' pages (docs/caching.md)."""

from psg.core.purging import page_path

from .pages import RegionIndexPage, TopicIndexPage


def term_paths(page, site):
    paths = []
    for index_model, field in (
        (RegionIndexPage, "regions"),
        (TopicIndexPage, "topics"),
    ):
        terms = getattr(page, field, None)
        if terms is None:
            continue
        slugs = [term.slug for term in terms.all()]
        for index in index_model.objects.live().descendant_of(site.root_page):
            base = page_path(index)
            if base:
                paths.append(base)
                paths += [base + index.reverse_subpage("term", args=[s]) for s in slugs]
    return paths
