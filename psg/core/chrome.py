"""The site chrome (menu, footer links, social links, sidebar promos and the
organisation's details), read once per worker and kept until it changes.

Every public page shows the chrome; reading it costs six queries and the URLs
of the pages it links to. It is kept as plain values (links with their URLs
already worked out) under the structure version (psg.core.structure), which
changes when the settings, their links, a Site or a page change.

Each language has its own menu, footer links and promos (rows carrying their
``language``, decision 0006) and the organisation its Spanish tagline; the
chrome is kept per site and language. A list with no row in a language shows
the default language's, so a site nobody has translated yet keeps its menu.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

from psg.core import structure
from psg.core.locales import SPANISH, default_language
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
    language = translation.get_language() or settings.LANGUAGE_CODE
    return structure.kept(
        f"chrome:{site_id}:{language}", lambda: _read(site, language), request
    )


def in_language(rows, language):
    """The rows of ``language``, else those of the default language."""
    rows = list(rows)
    for wanted in (language, default_language()):
        found = [row for row in rows if row.language == wanted]
        if found:
            return found
    return []


def _links(model):
    return Prefetch(
        model._meta.get_field("settings").remote_field.related_name,
        queryset=model.objects.select_related("link_page").order_by("sort_order"),
    )


def _read(site, language):
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
    organisation = chrome["organisation"]
    if language == SPANISH and organisation.tagline_es:
        organisation.tagline = organisation.tagline_es
    if navigation is None:
        return chrome
    chrome["menu"] = [
        Link(i.label, i.href)
        for i in in_language(navigation.menu_items.all(), language)
    ]
    chrome["footer_links"] = [
        Link(i.label, i.href)
        for i in in_language(navigation.footer_links.all(), language)
    ]
    chrome["promos"] = [
        Promo(p.title, tuple(p.paragraphs), p.href or "", p.link_label)
        for p in in_language(navigation.promos.all(), language)
    ]
    chrome["social_links"] = [
        Social(s.network, s.get_network_display(), s.url)
        for s in navigation.social_links.all()
    ]
    return chrome
