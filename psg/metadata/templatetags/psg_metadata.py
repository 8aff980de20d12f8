"""Template tags for what a page says about itself: canonical address, Open
Graph and Twitter tags, JSON-LD.

``base.html`` renders its ``title``, ``meta_description``, ``canonical`` and
``breadcrumbs`` blocks inside ``{% capture %}``, so the sharing tags and the
JSON-LD repeat exactly what each page template put in those blocks.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from psg.core.addresses import root_url
from psg.core.sites import site_for
from psg.core.templatetags.psg_tags import site_chrome
from psg.metadata import head, languages, structured_data

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        output = self.nodelist.render(context)
        context[self.name] = output
        return output


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: output the content as usual
    and also keep it in the context variable ``name`` for later tags.

    Blocks inside it are still blocks that templates override.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes the form {{% {bits[0]} as name %}}"
        )
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute canonical address (see ``head.canonical_url``)."""
    return head.canonical_url(context)


@register.simple_tag(takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card ``<meta>`` tags."""
    og, twitter = head.social_tags(context, site_chrome(context))
    tags = [
        format_html('<meta property="{}" content="{}">', key, value)
        for key, value in og
    ]
    tags += [
        format_html('<meta name="{}" content="{}">', key, value)
        for key, value in twitter
    ]
    return mark_safe("\n  ".join(tags))  # noqa: S308 (each tag built escaped)


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language the page is in,
    and ``x-default`` (psg.metadata.languages)."""
    return mark_safe(  # noqa: S308 (each tag built escaped)
        "\n  ".join(
            format_html('<link rel="alternate" hreflang="{}" href="{}">', lang, url)
            for lang, url in languages.alternates(context)
        )
    )


@register.simple_tag(takes_context=True)
def other_languages(context):
    """The page in the other languages, or the nearest section, for the
    language switch."""
    return languages.others(context)


@register.simple_tag(takes_context=True)
def structured_data_scripts(context):
    """The page's JSON-LD, one ``<script type="application/ld+json">`` each."""
    request = context.get("request")
    chrome = site_chrome(context)
    site = site_for(request)
    url = head.plain_text(context.get("captured_canonical")) or head.canonical_url(
        context
    )
    meta = structured_data.PageMeta(
        site=site,
        root=root_url(site),
        organisation=chrome["organisation"],
        social_links=chrome.get("social_links", []),
        url=url,
    )
    objects = structured_data.for_page(
        meta, context.get("page"), context.get("captured_breadcrumbs", "")
    )
    return mark_safe(  # noqa: S308 (each script built escaped)
        "\n".join(structured_data.script(data) for data in objects)
    )
