"""Fixtures for the head tags, JSON-LD, sitemap and robots.txt tests."""

import json
from html.parser import HTMLParser

import pytest

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from psg.core.models import NavigationSettings, OrganisationSettings, SocialLink
from psg.core.tests.published_sections import (  # noqa: F401 (fixtures)
    event_index,
    fresh_cache,
    news_index,
    publication_index,
    publish,
)

HOSTILE_TITLE = '</script><script>alert(1)</script> & "Tom" <b>bold</b>'


@pytest.fixture
def organisation(site):
    settings = OrganisationSettings.for_site(site)
    settings.name = "Peru Support Group"
    settings.address = "Peru Support Group\nPO Box 70412\nLondon\nN1 9ZQ"
    settings.email = "info@perusupportgroup.org.uk"
    settings.telephone = "020 7000 0000"
    settings.charity_number = "1155323"
    settings.save()
    navigation = NavigationSettings.for_site(site)
    navigation.social_links = [
        SocialLink(network="x", url="https://x.com/PeruSupportGrp"),
        SocialLink(network="bluesky", url="https://bsky.app/profile/psg.example"),
    ]
    navigation.save()
    return settings


@pytest.fixture
def photo():
    return Image.objects.create(
        title="Protest in Puno",
        file=get_test_image_file(size=(640, 480)),
    )


def image_body(image, alt="Marchers crossing the bridge in Juliaca"):
    """A page body (raw StreamField JSON) with a paragraph, then an image."""
    return json.dumps(
        [
            {"type": "paragraph", "value": "<p>Opening paragraph.</p>"},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": alt, "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            },
        ]
    )


class HeadParser(HTMLParser):
    """The <meta>, <link> and JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta = []
        self.links = []
        self.scripts = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self._script = {"type": attrs.get("type"), "text": ""}

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def property(self, name):
        """Every value of ``<meta property=name>`` or ``<meta name=name>``."""
        return [
            tag.get("content")
            for tag in self.meta
            if tag.get("property") == name or tag.get("name") == name
        ]


def parse_head(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    parser.close()
    return parser
