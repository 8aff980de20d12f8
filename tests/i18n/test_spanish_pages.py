"""Every public page type read in Spanish: no interface text left in English.

Each page is rendered in English at its address and in Spanish at its
Spanish one (under /es/, the page's Spanish translation with the same words,
so that only the interface differs). A piece of text (a text node,
or a title, aria-label, alt or placeholder attribute) that reads the same in
both is English left untranslated, unless it is the content the test made,
a proper name, or has no letters at all. So a string nobody marked fails the
test as surely as one marked but missing from the catalogue.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django_countries import countries

from django.core.cache import caches
from django.utils import timezone, translation

from wagtail.models import Locale, Page

from psg.bulletin.models import BulletinSeries, Edition
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.core import catalogue, structure
from psg.core.content_translation import create_translation
from psg.events.tests.factories import EventPageFactory
from psg.home.spanish import ensure_spanish_tree
from psg.members.models import MembershipSettings, MembershipType
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory
from psg.taxonomy.models import Region, Series, Topic
from psg.taxonomy.tests.factories import (
    RegionIndexPageFactory,
    TopicIndexPageFactory,
    carrying,
)

pytestmark = pytest.mark.django_db

# What reads the same in both languages: names, and what machines read.
NAMES = {
    "Peru Support Group",
    "PSG",
    "Update",
    "Gift Aid",
    "RSS",
    "Atom",
    "JSON",
    "iCalendar",
    "PDF",
    "Facebook",
    "X",
    "Bluesky",
    "Mastodon",
    "Instagram",
    "YouTube",
    # Each language named in its own (the language choices and the switch).
    "English",
    "Español",
}
TEXT_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}


class _Texts(HTMLParser):
    """The pieces of text a reader sees or hears, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg", "code", "pre"):
            self._skip += 1
        self.texts.extend(
            value for name, value in attrs if name in TEXT_ATTRIBUTES and value
        )

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg", "code", "pre") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)


def normal(text):
    return " ".join(text.split()).strip(" .,:;|()–—·")


def texts(html):
    parser = _Texts()
    parser.feed(html)
    return {piece for piece in map(normal, parser.texts) if piece}


def same_in_spanish():
    """The literal parts of msgids whose Spanish is the English ("Editorial",
    "Capital: %(capital)s")."""
    parts = set()
    for message in catalogue.read("es"):
        if message.id and message.string == message.id:
            parts.update(catalogue.PLACEHOLDER.split(message.id))
    return {normal(part) for part in parts if normal(part)}


def countries_alike():
    """Countries whose Spanish name is their English one (Albania, Angola)."""
    names = {}
    for language in ("en-gb", "es"):
        with translation.override(language):
            names[language] = {str(name) for _, name in countries}
    return names["en-gb"] & names["es"]


def content():
    """Every text the database holds for readers: titles, names, wordings."""
    found = set(Page.objects.values_list("title", flat=True))
    for model, fields in (
        (Region, ["name", "capital", "description"]),
        (Topic, ["name", "description"]),
        (Series, ["name"]),
        (BulletinSeries, ["name", "description"]),
        (MembershipType, ["name", "description"]),
        (MembershipSettings, ["bulletin_consent_wording", "events_consent_wording"]),
    ):
        for row in model.objects.values_list(*fields):
            found.update(value for value in row if value)
    for page in Page.objects.specific():
        for field in ("teaser", "summary", "introduction", "venue"):
            found.add(getattr(page, field, "") or "")
    # The Gift Aid and consent wordings are what a member agrees to, shown as
    # they are recorded (docs/translation.md); unsaved settings show defaults.
    for name in (
        "gift_aid_wording",
        "bulletin_consent_wording",
        "events_consent_wording",
    ):
        found.add(MembershipSettings._meta.get_field(name).default)
    return {normal(text) for text in found if normal(text)}


def leftover(piece, known):
    """What of ``piece`` is neither content nor a name, longest first."""
    for text in sorted(known, key=len, reverse=True):
        piece = piece.replace(text, " ")
    return piece


def is_english(piece, known):
    # Search results highlight words, splitting a title into pieces.
    if any(piece in text for text in known):
        return False
    return bool(re.search(r"[A-Za-z]{2}", leftover(piece, known)))


def page_in(language, client, urls):
    """The page of ``urls`` (its English and Spanish addresses) in
    ``language``, as a reader gets it: the address alone says the language."""
    for cache in caches.all():
        cache.clear()
    structure.forget()
    url = urls[language]
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-gb,es;q=0.5")
    assert response.status_code == 200, url
    assert response["Content-Language"] == language
    return response.content.decode()


def untranslated(client, urls):
    english = texts(page_in("en-gb", client, urls))
    spanish = texts(page_in("es", client, urls))
    known = content() | NAMES | same_in_spanish() | countries_alike()
    return sorted(piece for piece in english & spanish if is_english(piece, known))


@pytest.fixture
def site_pages(home_page, news_index, publication_index, event_index):
    """One page of every public type, with content in both sections' lists."""
    news = carrying(
        NewsPageFactory(
            parent=news_index,
            title="Protests in Puno",
            teaser="What happened in Puno.",
            date=datetime.date(2019, 4, 1),
        ),
        regions=["puno"],
        topics=["human-rights"],
    )
    publication = PublicationPageFactory(
        parent=publication_index,
        title="A report on mining",
        summary="A summary of the mining report.",
        date=datetime.date(2019, 4, 1),
        date_precision="month",
    )
    start = timezone.now() + datetime.timedelta(days=10)
    event = EventPageFactory(
        parent=event_index,
        title="Film night: La teta asustada",
        summary="About the film.",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    standard = StandardPageFactory(parent=home_page, title="Our history")
    regions = RegionIndexPageFactory(parent=home_page)
    topics = TopicIndexPageFactory(parent=home_page)
    edition = EditionFactory(
        series=BulletinSeries.objects.get(slug="update"),
        number=120,
        date=datetime.date(2024, 3, 1),
        status=Edition.Status.SENT,
        introduction="<p>A month of protests in the south.</p>",
    )
    EditionItemFactory(edition=edition, page=news)
    spanish = Locale.objects.get(language_code="es")
    ensure_spanish_tree()
    pages = {
        "home": home_page,
        "news index": news_index,
        "news item": news,
        "publication index": publication_index,
        "publication": publication,
        "event index": event_index,
        "event": event,
        "standard page": standard,
        "region index": regions,
        "topic index": topics,
    }
    addresses = {
        kind: {
            "en-gb": page.url,
            # The same words in Spanish: only the interface may differ.
            "es": create_translation(page, spanish, {}).url,
        }
        for kind, page in pages.items()
    }
    addresses["region"] = {
        language: f"{urls['region index']}puno/"
        for language, urls in _by_language(addresses).items()
    }
    for kind, path in (
        ("bulletin archive", "/bulletin/"),
        ("search", "/search/?q=Puno"),
        ("join form", "/join/"),
        ("bulletin sign-up", "/bulletin/subscribe/"),
        ("membership sign-in", "/membership/sign-in/"),
    ):
        addresses[kind] = {"en-gb": path, "es": "/es" + path}
    return addresses


def _by_language(addresses):
    return {
        language: {kind: urls[language] for kind, urls in addresses.items()}
        for language in ("en-gb", "es")
    }


PAGE_TYPES = [
    "home",
    "news index",
    "news item",
    "publication index",
    "publication",
    "event index",
    "event",
    "standard page",
    "region index",
    "region",
    "topic index",
    "bulletin archive",
    "search",
    "join form",
    "bulletin sign-up",
    "membership sign-in",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_a_page_in_spanish_has_no_english_interface_text(client, site_pages, page_type):
    assert untranslated(client, site_pages[page_type]) == []


@pytest.mark.parametrize(
    ("language", "day", "month", "skip_link"),
    [
        ("es", "1 de abril de 2019", "abril de 2019", "Saltar al contenido principal"),
        ("en-gb", "1 April 2019", "April 2019", "Skip to main content"),
    ],
)
def test_pages_write_dates_and_interface_in_their_language(
    client, site_pages, language, day, month, skip_link
):
    news = page_in(language, client, site_pages["news item"])
    publications = page_in(language, client, site_pages["publication index"])

    assert f'<html lang="{language}">' in news
    assert day in news
    assert month in publications
    assert skip_link in news
