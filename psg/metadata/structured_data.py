"""schema.org JSON-LD: what search engines read about a page.

NewsArticle for news pages, Report for publications, Event for events,
Organization for the home page, and a BreadcrumbList wherever the page shows
a breadcrumb trail. Built as Python data and written with ``json.dumps``;
``<``, ``>`` and ``&`` are escaped as ``\\u003C``… so no text can close the
``<script>`` element it sits in.
"""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page

from psg.core.addresses import absolute
from psg.core.page_facts import (
    author_names,
    document_size,
    pdf_files,
    regions_and_topics,
)
from psg.events.models import EventPage, EventStatus
from psg.news.models import NewsPage
from psg.publications.models import PublicationPage

from . import content

SCHEMA = "https://schema.org"
LOGO_SIZE = 512
COUNTRY = "Peru"

# What json_script escapes: the characters that could end a <script> or start
# markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.IGNORECASE)


@dataclass
class PageMeta:
    """What every JSON-LD builder needs besides the page."""

    site: object
    root: str
    organisation: object
    social_links: list
    url: str


def script(data):
    """``<script type="application/ld+json">`` holding ``data``, safely escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


# The organisation ---------------------------------------------------------


def postal_address(text, country=""):
    """A free-text address as a schema.org PostalAddress.

    When the last line is a UK postcode, it is the postcode, the line before
    it the town, and the country is the UK; otherwise the lines are the
    street address, in ``country`` if one is given.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    address = {"@type": "PostalAddress"}
    if len(lines) >= 2 and _UK_POSTCODE.match(lines[-1]):
        address["postalCode"] = lines.pop()
        address["addressLocality"] = lines.pop()
        country = "GB"
    if lines:
        address["streetAddress"] = ", ".join(lines)
    if country:
        address["addressCountry"] = country
    return address


def organisation_reference(meta):
    """The PSG as publisher: name, address and logo."""
    return {
        "@type": "Organization",
        "@id": meta.root + "/#organization",
        "name": meta.organisation.name,
        "url": meta.root + "/",
        "logo": {
            "@type": "ImageObject",
            "url": content.logo_url(meta.site),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def organisation(meta):
    """The PSG in full, for the home page."""
    data = {"@context": SCHEMA, **organisation_reference(meta)}
    settings = meta.organisation
    if settings.tagline:
        data["description"] = settings.tagline
    if settings.email:
        data["email"] = settings.email
    if settings.telephone:
        data["telephone"] = settings.telephone
    if settings.address:
        text = settings.address
        lines = text.splitlines()
        if lines and lines[0].strip() == settings.name:
            text = "\n".join(lines[1:])
        address = postal_address(text, country="GB")
        if address:
            data["address"] = address
    if settings.charity_number:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "Registered charity number (England and Wales)",
            "value": settings.charity_number,
        }
    same_as = [link.url for link in meta.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


# Pages ---------------------------------------------------------------------


def about(page):
    """The page's regions (places in Peru) and topics, and their names."""
    regions, topics = regions_and_topics(page)
    things = [
        {
            "@type": "AdministrativeArea",
            "name": region.name,
            "containedInPlace": {"@type": "Country", "name": COUNTRY},
        }
        for region in regions
    ]
    things += [{"@type": "Thing", "name": topic.name} for topic in topics]
    return things, [term.name for term in regions + topics]


def _with_terms(data, page):
    things, keywords = about(page)
    if things:
        data["about"] = things
        data["keywords"] = keywords
    return data


def _image(meta, page):
    image = content.share_image(meta.site, page)
    return [image["url"]] if image else None


def news_article(meta, page):
    authors = [{"@type": "Person", "name": name} for name in author_names(page)]
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.teaser,
        "url": meta.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.url},
        "datePublished": content.item_published_iso(page),
        "dateModified": content.iso(content.modified_moment(page)),
        # Unsigned items are the PSG's own.
        "author": authors or [organisation_reference(meta)],
        "publisher": organisation_reference(meta),
        "articleSection": str(page.get_kind_display()),
        "inLanguage": content.language_tag(),
    }
    image = _image(meta, page)
    if image:
        data["image"] = image
    if page.series_id:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": page.series.name}
    return _with_terms(data, page)


def report(meta, page):
    files = pdf_files(page)
    languages = sorted({item.language for item in files}) or [content.language_tag()]
    if page.publisher:
        publisher = {"@type": "Organization", "name": page.publisher}
    else:
        publisher = organisation_reference(meta)
    data = {
        "@context": SCHEMA,
        "@type": "Report",
        "name": page.title,
        "headline": page.title,
        "description": page.summary_text(),
        "url": meta.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.url},
        "datePublished": content.item_published_iso(page),
        "dateModified": content.iso(content.modified_moment(page)),
        "publisher": publisher,
        "inLanguage": languages[0] if len(languages) == 1 else languages,
        "genre": str(page.get_kind_display()),
    }
    if not page.publisher:
        # Published by the PSG without another name: the PSG's own work.
        data["author"] = organisation_reference(meta)
    image = _image(meta, page)
    if image:
        data["image"] = image
    if files:
        data["encoding"] = [
            {
                "@type": "MediaObject",
                "name": item.document.title,
                "contentUrl": absolute(meta.site, item.document.url),
                "encodingFormat": "application/pdf",
                "inLanguage": item.language,
                "contentSize": f"{document_size(item.document)} B",
            }
            for item in files
        ]
    return _with_terms(data, page)


# schema.org's eventStatus for each EventStatus.
EVENT_STATUSES = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
    EventStatus.CANCELLED: "EventCancelled",
}


def _event_location(page):
    places = []
    # An event moved online keeps its venue on the page, for readers who
    # knew it there; to search engines it is online only.
    if (page.venue or page.address) and page.status != EventStatus.MOVED_ONLINE:
        lines = [line.strip() for line in page.address.splitlines() if line.strip()]
        place = {"@type": "Place", "name": page.venue or lines[0]}
        address = postal_address(page.address) if lines else None
        place["address"] = address or page.venue
        places.append(place)
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places


def event(meta, page):
    places = _event_location(page)
    in_person = any(place["@type"] == "Place" for place in places)
    online = any(place["@type"] == "VirtualLocation" for place in places)
    if in_person and online:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    if page.organisers:
        organizer = {"@type": "Organization", "name": page.organisers}
    else:
        organizer = organisation_reference(meta)
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": meta.url,
        # In the event's own time zone, with its offset.
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUSES[page.status]}",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "organizer": organizer,
        "inLanguage": content.language_tag(),
    }
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    if page.registration_url:
        data["offers"] = {"@type": "Offer", "url": page.registration_url}
    image = _image(meta, page)
    if image:
        data["image"] = image
    return _with_terms(data, page)


# Breadcrumbs ---------------------------------------------------------------


class _BreadcrumbParser(HTMLParser):
    """The items of a breadcrumb trail: each <li>'s text and link."""

    def __init__(self):
        super().__init__()
        self.items = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self._current = {"name": "", "href": None}
        elif tag == "a" and self._current is not None:
            self._current["href"] = self._current["href"] or dict(attrs).get("href")

    def handle_endtag(self, tag):
        if tag == "li" and self._current is not None:
            self.items.append(self._current)
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current["name"] += data


def breadcrumb_list(meta, trail_html):
    """The BreadcrumbList of the trail the page shows, or ``None``."""
    parser = _BreadcrumbParser()
    parser.feed(str(trail_html))
    parser.close()
    elements = []
    for item in parser.items:
        name = " ".join(item["name"].split())
        if not name:
            continue
        url = urljoin(meta.url, item["href"]) if item["href"] else meta.url
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        elements.append(
            {
                "@type": "ListItem",
                "position": len(elements) + 1,
                "name": name,
                "item": url,
            }
        )
    if not elements:
        return None
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": elements}


BUILDERS = [
    (NewsPage, news_article),
    (PublicationPage, report),
    (EventPage, event),
]


def _builder(page):
    for model, build in BUILDERS:
        if isinstance(page, model):
            return build
    if content.is_home_page(page):
        return lambda meta, page: organisation(meta)
    return None


def for_page(meta, page, trail_html=""):
    """Every JSON-LD object for a page: its own type's, then its breadcrumbs."""
    objects = []
    build = _builder(page) if isinstance(page, Page) else None
    if build is not None:
        data = build(meta, page)
        # A draft in preview has no dates yet: say nothing rather than null.
        objects.append({k: v for k, v in data.items() if v is not None})
    if trail_html and str(trail_html).strip():
        crumbs = breadcrumb_list(meta, trail_html)
        if crumbs:
            objects.append(crumbs)
    return objects
