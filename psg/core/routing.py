"""Finding a request's Site, its page and the page's view restrictions with
fewer queries than Wagtail's walk down the tree.

- The sites are kept per worker under the structure version
  (psg.core.structure) and matched in memory, as Wagtail's
  ``get_site_for_hostname`` matches them in SQL.
- Wagtail finds ``/news/some-item/`` by loading each page on the way (five
  queries here). Once a worker has served a path it remembers which page
  that was, and next time takes that page and its parent as loaded then,
  kept until anything a page shows changes (``structure.kept_recent``), or
  loads them directly (two queries). The memory checks itself: the page
  loaded must still have the address asked for (its ``url_path`` under the
  site's root), or the walk is made again, so a page moved, renamed or
  deleted is never served from a stale entry. Only whole pages are
  remembered, not a routable page's sub-addresses. Under ``/es/`` the root
  is the site root's Spanish translation: the key (the whole path) keeps the
  languages apart, and the address checked is the page's under that root.
- View restrictions (private pages) are kept per worker under the structure
  version, which a saved or deleted restriction, or a moved page, changes.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port

from wagtail.models import Page, PageViewRestriction, Site

from psg.core import structure
from psg.core.locales import prefixed_language

# (host, path) -> (site id, page id, content type id, parent id, parent type,
# the url_path of the root it was found under).
_routes = {}
# More than this many addresses and the memory starts again (junk paths are
# never kept: only those Wagtail routed to a page).
MAX_ROUTES = 50_000

MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT, MATCH_DEFAULT, MATCH_HOSTNAME = range(4)


def _sites():
    return list(Site.objects.select_related("root_page"))


def _rank(site, hostname, port):
    if site.hostname == hostname:
        if site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_HOSTNAME
    return MATCH_DEFAULT


def choose_site(sites, hostname, port):
    """Which of ``sites`` (anything with ``hostname``, ``port`` and
    ``is_default_site``) Wagtail's ``Site.find_for_request`` chooses for
    ``hostname`` and ``port``, or None. No database: the page cache calls it
    before Django is entered."""
    candidates = sorted(
        (
            (_rank(site, hostname, port), site)
            for site in sites
            if site.hostname == hostname or site.is_default_site
        ),
        key=lambda ranked: ranked[0],
    )
    if not candidates:
        return None
    if len(candidates) == 1 or candidates[0][0] in (
        MATCH_HOSTNAME_PORT,
        MATCH_HOSTNAME_DEFAULT,
    ):
        return candidates[0][1]
    if candidates[0][0] == MATCH_DEFAULT:
        return candidates[len(candidates) == 2][1]
    return None


def find_site(request):
    """The Site for ``request``, chosen as Wagtail's ``Site.find_for_request``
    chooses it, or None. Each call returns its own copy."""
    chosen = choose_site(
        structure.kept("sites", _sites, request, structure.TREE),
        split_domain_port(request._get_raw_host())[0],
        request.get_port(),
    )
    if chosen is None:
        return None
    site = copy.copy(chosen)
    site.root_page = copy.copy(chosen.root_page)
    return site


def _address(root_path, path):
    """The ``url_path`` a page served at ``path`` under the root page whose
    ``url_path`` is ``root_path`` has (``path`` may begin with a language)."""
    components = [component for component in path.split("/") if component]
    if components and prefixed_language(path):
        components = components[1:]
    return root_path + "".join(f"{part}/" for part in components)


def _root_path(site, page):
    """The ``url_path`` of the root ``page`` is under: the site's root page or
    its translation, which sit at the same depth."""
    depth = site.root_page.depth
    parts = [part for part in page.url_path.split("/") if part][: depth - 1]
    return "/" + "".join(f"{part}/" for part in parts)


def _load(content_type_id, page_id, request):
    """The page, as kept by the worker (a copy of its own for this request)."""
    page = structure.kept_recent(
        ("page", content_type_id, page_id),
        lambda: _read(content_type_id, page_id),
        request,
    )
    return copy.copy(page) if page is not None else None


def _read(content_type_id, page_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None or not issubclass(model, Page):
        return None
    return model.objects.filter(pk=page_id).first()


def preload_route(request):
    """Route ``request`` from the worker's memory, if it has served the path
    and the page is still there: sets what Wagtail's ``route_for_request``
    looks for. Returns whether it did."""
    key = (request._get_raw_host(), request.path_info)
    entry = _routes.get(key)
    if entry is None:
        return False
    site = request._wagtail_site
    site_id, page_id, content_type_id, parent_id, parent_type_id, root_path = entry
    if not site or site.pk != site_id:
        _routes.pop(key, None)
        return False
    page = _load(content_type_id, page_id, request)
    if page is None or page.url_path != _address(root_path, request.path_info):
        _routes.pop(key, None)
        return False
    if parent_id is not None:
        parent = _load(parent_type_id, parent_id, request)
        if parent is not None and parent.path == page.path[: -page.steplen]:
            page._cached_parent_obj = parent
    try:
        request._wagtail_route_for_request = page.route(request, [])
    except Http404:
        request._wagtail_route_for_request = None
    request._psg_route_preloaded = True
    return True


def remember_route(request):
    """After Wagtail routed ``request`` to a whole page, remember the page."""
    result = getattr(request, "_wagtail_route_for_request", None)
    if result is None or hasattr(request, "_psg_route_preloaded"):
        return
    site = Site.find_for_request(request)
    page = result[0]
    if not site:
        return
    root_path = _root_path(site, page)
    if page.url_path != _address(root_path, request.path_info):
        return
    parent = getattr(page, "_cached_parent_obj", None)
    if len(_routes) >= MAX_ROUTES:
        _routes.clear()
    _routes[(request._get_raw_host(), request.path_info)] = (
        site.pk,
        page.pk,
        page.content_type_id,
        parent.pk if parent is not None else None,
        parent.content_type_id if parent is not None else None,
        root_path,
    )


def _restrictions():
    restricted = tuple(
        PageViewRestriction.objects.values_list("page__path", "pk").order_by("pk")
    )
    aliases = tuple(
        Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    )
    return restricted, aliases


def view_restriction_ids(page):
    """The ids of the view restrictions on ``page`` and its ancestors, or None
    when it or an ancestor is an alias (Wagtail's own query knows those)."""
    restricted, aliases = structure.kept(
        "view-restrictions", _restrictions, scope=structure.TREE
    )
    if page.alias_of_id or any(page.path.startswith(path) for path in aliases):
        return None
    return [pk for path, pk in restricted if page.path.startswith(path)]


def restricted_paths():
    """The tree paths of the pages that carry a view restriction."""
    restricted, _aliases = structure.kept(
        "view-restrictions", _restrictions, scope=structure.TREE
    )
    return {path for path, _pk in restricted}


def is_public(page):
    """Whether no view restriction covers ``page`` (Wagtail's ``public()``
    for one page, from the restrictions the worker keeps)."""
    return not any(page.path.startswith(path) for path in restricted_paths())
