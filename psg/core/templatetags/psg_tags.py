"""Template tags for the site chrome: menu, sidebar, footer, dates."""

from django import template
from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.html import format_html

from psg.core.addresses import absolute
from psg.core.models import (
    FooterLink,
    MenuItem,
    NavigationSettings,
    OrganisationSettings,
    SidebarPromo,
)
from psg.core.sites import site_for

register = template.Library()


def _links(model):
    return Prefetch(
        model._meta.get_field("settings").remote_field.related_name,
        queryset=model.objects.select_related("link_page").order_by("sort_order"),
    )


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The menu, footer, promos and organisation details, once per request."""
    request = context.get("request")
    cached = getattr(request, "_psg_chrome", None)
    if cached is not None:
        return cached
    site = site_for(request)
    navigation = (
        NavigationSettings.base_queryset()
        .prefetch_related(
            _links(MenuItem),
            _links(FooterLink),
            _links(SidebarPromo),
            "social_links",
        )
        .filter(site=site)
        .first()
    )
    chrome = {
        "organisation": OrganisationSettings.for_site(site),
        "menu": list(navigation.menu_items.all()) if navigation else [],
        "footer_links": list(navigation.footer_links.all()) if navigation else [],
        "promos": list(navigation.promos.all()) if navigation else [],
        "social_links": list(navigation.social_links.all()) if navigation else [],
    }
    if request is not None:
        request._psg_chrome = chrome
    return chrome


@register.simple_tag
def date_tag(value, display=None):
    """``<time datetime="YYYY-MM-DD">`` for a date or a page with partial dates."""
    if value is None or value == "":
        return ""
    if hasattr(value, "iso_date"):
        iso, text = value.iso_date, value.display_date
    else:
        iso, text = value.isoformat(), display or date_format(value, "j F Y")
    if not iso:
        return ""
    return format_html('<time datetime="{}">{}</time>', iso, text)


@register.filter
def is_current(link, request):
    """Whether a menu link leads to the section the request is in."""
    href = link.href or ""
    if not href.startswith("/") or request is None:
        return False
    if href == "/":
        return request.path == "/"
    return request.path.startswith(href)


@register.simple_tag
def site_url(path=""):
    """``path`` made absolute from the configured site address (BASE_URL),
    never from the request's Host header: for canonical links of the site's
    own views (docs/security.md, "Addresses and links")."""
    return absolute(None, path)
