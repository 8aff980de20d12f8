"""The Wagtail site a request is for."""

from wagtail.models import Site


def site_for(request):
    """The Wagtail site a request is for, else the default site."""
    site = Site.find_for_request(request) if request is not None else None
    if not site:  # None, or the middleware's lazy Site that found none
        site = Site.objects.filter(is_default_site=True).first()
    return site
