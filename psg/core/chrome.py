"""The site chrome (menu, footer links, social links, sidebar promos and the
organisation's details), read once per worker and kept until it changes.

Every public page shows the chrome; reading it costs six queries and the URLs
of the pages it links to. It is kept as plain values (links with their URLs
already worked out) under the structure version (psg.core.structure), which
changes when the settings, their links, a Site or a page change.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from psg.core import structure
from psg.core.models import (
    FooterLink,
    MenuItem,
    NavigationSettings,
    OrganisationSettings,
    SidebarPromo,
    SocialLink,
)

# The models the chrome is read from (psg.core.apps watches them).
SOURCES = (
    OrganisationSettings,
    NavigationSettings,
    MenuItem,
    FooterLink,
    SocialLink,
    SidebarPromo,
)


@dataclass(frozen=True)
class Link:
    label: str
    href: str


@dataclass(frozen=True)
class Social:
    network: str
    label: str
    url: str


@dataclass(frozen=True)
class Promo:
    title: str
    paragraphs: tuple
    href: str
    link_label: str


def chrome_for(site, request=None):
    """The chrome of ``site``: a dict of ``organisation``, ``menu``,
    ``footer_links``, ``promos`` and ``social_links``."""
    site_id = site.pk if site is not None else None
    return structure.kept(f"chrome:{site_id}", lambda: _read(site), request)


def _links(model):
    return Prefetch(
        model._meta.get_field("settings").remote_field.related_name,
        queryset=model.objects.select_related("link_page").order_by("sort_order"),
    )


def _read(site):
    navigation = (
        NavigationSettings.base_queryset()
        .prefetch_related(
            _links(MenuItem), _links(FooterLink), _links(SidebarPromo), "social_links"
        )
        .filter(site=site)
        .first()
    )
    chrome = {
        # Not for_site(), which would write the defaults on a page view.
        "organisation": OrganisationSettings.objects.filter(site=site).first()
        or OrganisationSettings(site=site),
        "menu": [],
        "footer_links": [],
        "promos": [],
        "social_links": [],
    }
    if navigation is None:
        return chrome
    chrome["menu"] = [Link(i.label, i.href) for i in navigation.menu_items.all()]
    chrome["footer_links"] = [
        Link(i.label, i.href) for i in navigation.footer_links.all()
    ]
    chrome["promos"] = [
        Promo(p.title, tuple(p.paragraphs), p.href or "", p.link_label)
        for p in navigation.promos.all()
    ]
    chrome["social_links"] = [
        Social(s.network, s.get_network_display(), s.url)
        for s in navigation.social_links.all()
    ]
    return chrome
