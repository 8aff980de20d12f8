"""Template tags for the site chrome: menu, sidebar, footer, dates."""

from django import template
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from psg.core import structure
from psg.core.addresses import absolute
from psg.core.chrome import chrome_for
from psg.core.sites import site_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The menu, footer, promos and organisation details (psg.core.chrome)."""
    request = context.get("request")
    cached = getattr(request, "_psg_chrome", None)
    if cached is not None:
        return cached
    chrome = chrome_for(site_for(request), request)
    if request is not None:
        request._psg_chrome = chrome
    return chrome


@register.simple_tag(takes_context=True)
def chrome_fragment(context, template_name):
    """``template_name`` rendered with the chrome alone (``chrome`` in its
    context), kept as HTML with the chrome (psg.core.structure) for each
    language: the sidebar and the footer's fixed parts."""
    request = context.get("request")
    chrome = site_chrome(context)
    site = site_for(request)
    key = f"fragment:{site.pk if site else None}:{template_name}:{get_language()}"
    return structure.kept(
        key,
        lambda: mark_safe(render_to_string(template_name, {"chrome": chrome})),  # noqa: S308 (a template's output)
        request,
    )


@register.simple_tag
def date_tag(value, display=None):
    """``<time datetime="YYYY-MM-DD">`` for a date or a page with partial dates."""
    if value is None or value == "":
        return ""
    if hasattr(value, "iso_date"):
        iso, text = value.iso_date, value.display_date
    else:
        iso, text = value.isoformat(), display or date_format(value, "DATE_FORMAT")
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
