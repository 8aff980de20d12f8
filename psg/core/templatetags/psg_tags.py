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


class KeptPartNode(template.Node):
    def __init__(self, nodelist, name, vary_on, timeout):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.timeout = timeout

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        if (
            request is None
            or getattr(page, "pk", None) is None
            or getattr(request, "is_preview", False)
            or request.method not in ("GET", "HEAD")
        ):
            return self.nodelist.render(context)
        key = (
            request.get_host(),
            page.pk,
            self.name.resolve(context),
            get_language(),
            *(str(value.resolve(context)) for value in self.vary_on),
        )
        timeout = self.timeout.resolve(context) if self.timeout else None
        return structure.kept_recent(
            key, lambda: self.nodelist.render(context), request, timeout
        )


@register.tag
def kept_part(parser, token):
    """``{% kept_part "name" [value …] [timeout=seconds] %}…{% endkept_part %}``:
    the enclosed part of the page rendered once and kept by the worker for
    this host, page, language and values (psg.core.structure.kept_recent), until
    anything a page may show changes, or ``timeout`` seconds pass. Rendered
    every time in a preview and where there is no page. What is inside must
    not depend on the visitor, nor set variables used outside it."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept_part needs a name")
    timeout = None
    if bits[-1].startswith("timeout="):
        timeout = parser.compile_filter(bits.pop().removeprefix("timeout="))
    nodelist = parser.parse(("endkept_part",))
    parser.delete_first_token()
    return KeptPartNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
        timeout,
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
