"""Redirects from the legacy site's addresses to their new pages.

Addresses the importer learned are stored as Wagtail redirects, which editors
can change under Settings → Redirects; these views consult that table first,
then fall back to the news index. docs/legacy-import.md sets out the rules.
"""

import re

from django.db.models import F
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.views.decorators.http import require_safe

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Site

from psg.news.models import NEWS_PER_PAGE, NewsIndexPage

from .parsing.addresses import legacy_path

# The legacy listings took an item offset; more than nine digits is not one.
_POSITION = re.compile(r"\s*(\d{1,9})\s*")


def listing_page_number(position):
    """The news index page that showed the item at ``position`` (0-based).

    The legacy listings showed ten items a page, so offsets 0-9 are page 1,
    10-19 page 2 and so on. Anything but a whole number (missing, negative,
    "abc", absurdly long) gives the first page.
    """
    match = _POSITION.fullmatch(position or "")
    if not match:
        return 1
    return int(match[1]) // NEWS_PER_PAGE + 1


def _stored_redirect(request, *paths):
    """A response for the first of ``paths`` with a redirect in Wagtail's table."""
    site = Site.find_for_request(request)
    for path in paths:
        if "\0" in path:
            continue
        redirect = (
            Redirect.get_for_site(site)
            .filter(old_path=Redirect.normalise_path(path))
            .select_related("redirect_page")
            # A redirect for this site wins over one for every site.
            .order_by(F("site_id").asc(nulls_last=True))
            .first()
        )
        if redirect is None:
            continue
        if redirect.redirect_page_id and not redirect.redirect_page.live:
            continue
        link = redirect.link
        if link:
            if redirect.is_permanent:
                return HttpResponsePermanentRedirect(link)
            return HttpResponseRedirect(link)
    return None


def _to_news_index(request, page=1):
    # The old site was English: its listing leads to the English news.
    index = NewsIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    url = index.get_url(request) if index else None
    if not url:
        # No news section yet: send readers home, but not for good.
        return HttpResponseRedirect("/")
    if page > 1:
        url += f"?page={page}"
    return HttpResponsePermanentRedirect(url)


@require_safe
def news_listing(request):
    """/news.php?position=N and /articles.php?position=N."""
    stored = _stored_redirect(request, request.get_full_path(), request.path)
    if stored:
        return stored
    return _to_news_index(request, listing_page_number(request.GET.get("position")))


@require_safe
def article(request, prefix, number):
    """/article-N.html and /news-article-N.html: the imported page, if known."""
    stored = _stored_redirect(
        request, request.get_full_path(), legacy_path(prefix, number)
    )
    if stored:
        return stored
    return _to_news_index(request)
