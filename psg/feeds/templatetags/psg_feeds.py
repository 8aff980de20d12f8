"""Template tags for the feeds a page offers: autodiscovery links in <head>
and the footer's list."""

from django import template
from django.utils.html import format_html_join

from psg.core.templatetags.psg_tags import site_chrome
from psg.feeds import links

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feeds(context):
    """The feeds this page offers, for the footer: ``[FeedLinks]``."""
    chrome = site_chrome(context)
    return links.page_feeds(context, chrome["organisation"].name)


@register.simple_tag(takes_context=True)
def feed_links(context):
    """``<link rel="alternate">`` for each feed the page offers, RSS and Atom."""
    alternates = []
    for feed in page_feeds(context):
        alternates.append(
            ("application/rss+xml", feed.title + " (RSS)", feed.rss),
        )
        alternates.append(
            ("application/atom+xml", feed.title + " (Atom)", feed.atom),
        )
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        alternates,
    )
