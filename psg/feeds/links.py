"""The feeds a page offers, for the autodiscovery links in its <head> and the
list in its footer."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from psg.core.addresses import absolute
from psg.core.sites import site_for
from psg.taxonomy.models import Region, Series, Topic

from .feeds import ATOM, RSS, feed_title, feed_url_name


@dataclass
class FeedLinks:
    """One feed in both formats, with what to call it."""

    label: str
    title: str
    rss: str
    atom: str


def _feed_links(site, organisation_name, subject, label, slug=None):
    kwargs = {"slug": slug} if slug else {}
    return FeedLinks(
        label=label,
        title=feed_title(organisation_name, label),
        rss=absolute(site, reverse(feed_url_name(subject, RSS), kwargs=kwargs)),
        atom=absolute(site, reverse(feed_url_name(subject, ATOM), kwargs=kwargs)),
    )


def page_feeds(context, organisation_name):
    """The feeds a page offers: all news, publications, and its own term's.

    A page about one region, topic or series has ``region``, ``topic`` or
    ``series`` in its context; its term's feed comes first.
    """
    site = site_for(context.get("request"))
    feeds = []
    for subject, model in (("region", Region), ("topic", Topic), ("series", Series)):
        term = context.get(subject)
        if isinstance(term, model) and term.slug:
            feeds.append(
                _feed_links(site, organisation_name, subject, term.name, term.slug)
            )
    feeds.append(_feed_links(site, organisation_name, "news", _("News")))
    feeds.append(
        _feed_links(site, organisation_name, "publications", _("Publications"))
    )
    return feeds
