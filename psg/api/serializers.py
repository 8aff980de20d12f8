"""What the API says about each item.

Listings and single items share their fields; a single item adds its body (or
a publication its description) as clean HTML with absolute links, which costs
queries of its own and so stays out of listings. Addresses are absolute from
the Wagtail site root. The serializers expect ``request`` and ``site`` (the
request's Wagtail site, or None) in their context.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from psg.core.addresses import absolute
from psg.events.models import EventPage
from psg.news.models import Author, NewsPage
from psg.publications.models import PublicationFile, PublicationPage
from psg.taxonomy.models import Region, Series, Topic

from . import html

# What partners read in the description, in place of the editors' help texts.
HELP = {
    "id": _("The page's id: stable for as long as the item exists."),
    "title": _("The title."),
    "date": _(
        "The date the item is about (YYYY-MM-DD); null for archive items "
        "whose date is unknown."
    ),
    "date_precision": _(
        "How much of the date is known: the day; the month (the date is its "
        "first day); or the year (the date is 1 January)."
    ),
    "first_published_at": _("When the item was first published on the site."),
    "last_published_at": _(
        "When the item was last published (changed) on the site: what "
        "updated_since filters on."
    ),
    "teaser": _("Plain text, at most 300 characters."),
    "summary": _("Plain text; paragraphs are separated by blank lines."),
    "publisher": _("The publisher when it is not the Peru Support Group."),
    "time_zone": _("The event's own time zone (IANA name)."),
    "venue": _("Where it takes place; empty for an online event."),
    "address": _("The venue's address (plain text, may be empty)."),
    "organisers": _("Who organises it, when not only the Peru Support Group."),
    "status": _(
        "Whether it goes ahead as announced (scheduled), or is rescheduled "
        "(the dates are the new ones), postponed (new dates to follow), moved "
        "online or cancelled."
    ),
    "language": _("The language of the file: en (English) or es (Spanish)."),
}


class OutputSerializer(serializers.ModelSerializer):
    """Every field read-only, so that the description marks each as always
    present, with the help text partners read (``HELP``) where there is one."""

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            kwargs = extra.setdefault(name, {})
            kwargs["read_only"] = True
            if name in HELP:
                kwargs["help_text"] = HELP[name]
        return extra


# Vocabularies ----------------------------------------------------------------


def spanish_name_field():
    """``name_es``: the name of the term's Spanish translation, read from the
    ``with_name_es()`` annotation."""
    return serializers.CharField(
        read_only=True, help_text=_("The Spanish name; empty when there is none.")
    )


class TermSerializer(serializers.Serializer):
    """A region or topic as items name it."""

    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_es = spanish_name_field()


class SeriesNameSerializer(OutputSerializer):
    class Meta:
        model = Series
        fields = ["slug", "name"]


class RegionSerializer(OutputSerializer):
    name_es = spanish_name_field()

    class Meta:
        model = Region
        fields = ["slug", "name", "name_es", "capital", "description"]


class TopicSerializer(OutputSerializer):
    name_es = spanish_name_field()

    class Meta:
        model = Topic
        fields = ["slug", "name", "name_es", "description"]


class SeriesSerializer(OutputSerializer):
    region = TermSerializer(allow_null=True, read_only=True)

    class Meta:
        model = Series
        fields = ["slug", "name", "description", "region"]


class AuthorSerializer(OutputSerializer):
    class Meta:
        model = Author
        fields = ["name", "role"]


# Pages -----------------------------------------------------------------------

PAGE_FIELDS = ["id", "title", "url"]
CLASSIFICATION_FIELDS = ["regions", "topics", "first_published_at", "last_published_at"]


class PageSerializer(OutputSerializer):
    url = serializers.SerializerMethodField(
        help_text=_("The item's page on the site (absolute).")
    )
    regions = TermSerializer(many=True, read_only=True)
    topics = TermSerializer(many=True, read_only=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return page.get_full_url(self.context["request"]._request)

    def page_url(self, page):
        return self.get_url(page)


class NewsSerializer(PageSerializer):
    authors = AuthorSerializer(many=True, read_only=True)
    series = SeriesNameSerializer(allow_null=True, read_only=True)

    class Meta:
        model = NewsPage
        fields = [
            *PAGE_FIELDS,
            "date",
            "date_precision",
            "kind",
            "teaser",
            "authors",
            "series",
            *CLASSIFICATION_FIELDS,
        ]


class NewsDetailSerializer(NewsSerializer):
    body = serializers.SerializerMethodField(
        help_text=_(
            "The article as HTML: a small set of tags, no classes, scripts or "
            "embeds, every link absolute. Empty when the item has only a teaser."
        )
    )

    class Meta(NewsSerializer.Meta):
        fields = [*NewsSerializer.Meta.fields, "body"]

    def get_body(self, page) -> str:
        return html.stream_html(page.body, self.page_url(page))


class PublicationFileSerializer(OutputSerializer):
    title = serializers.CharField(source="document.title", read_only=True)
    url = serializers.SerializerMethodField(help_text=_("The file (absolute)."))
    size = serializers.SerializerMethodField(
        help_text=_("In bytes; null when the storage cannot tell.")
    )
    content_type = serializers.CharField(
        source="document.content_type",
        read_only=True,
        help_text=_("The file's media type."),
    )

    class Meta:
        model = PublicationFile
        fields = ["title", "language", "url", "size", "content_type"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item):
        return absolute(self.context["site"], item.document.url)

    def get_size(self, item) -> int | None:
        document = item.document
        if document.file_size:
            return document.file_size
        try:
            return document.file.size
        except (OSError, ValueError):
            return None


class PublicationSerializer(PageSerializer):
    files = PublicationFileSerializer(many=True, read_only=True)

    class Meta:
        model = PublicationPage
        fields = [
            *PAGE_FIELDS,
            "date",
            "date_precision",
            "kind",
            "summary",
            "publisher",
            "files",
            *CLASSIFICATION_FIELDS,
        ]


class PublicationDetailSerializer(PublicationSerializer):
    description = serializers.SerializerMethodField(
        help_text=_("The longer description as HTML, links absolute (may be empty).")
    )

    class Meta(PublicationSerializer.Meta):
        fields = [*PublicationSerializer.Meta.fields, "description"]

    def get_description(self, page) -> str:
        return html.rich_text_html(page.description, self.page_url(page))


class EventSerializer(PageSerializer):
    start = serializers.SerializerMethodField(
        help_text=_("ISO 8601 with the offset of the event's own time zone.")
    )
    end = serializers.SerializerMethodField(
        help_text=_("ISO 8601 with the offset of the event's own time zone.")
    )
    online_url = serializers.SerializerMethodField(
        help_text=_("The link to join online; null for an in-person event.")
    )
    registration_url = serializers.SerializerMethodField(
        help_text=_("Where to register; null when there is no registration.")
    )

    class Meta:
        model = EventPage
        fields = [
            *PAGE_FIELDS,
            "start",
            "end",
            "time_zone",
            "summary",
            "venue",
            "address",
            "online_url",
            "organisers",
            "registration_url",
            "status",
            *CLASSIFICATION_FIELDS,
        ]

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_start(self, page):
        return timezone.localtime(page.start, page.zone).isoformat()

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_end(self, page):
        return timezone.localtime(page.end, page.zone).isoformat()

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_online_url(self, page):
        return page.online_url or None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_registration_url(self, page):
        return page.registration_url or None


class EventDetailSerializer(EventSerializer):
    body = serializers.SerializerMethodField(
        help_text=_("More about the event as HTML, links absolute (may be empty).")
    )

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "body"]

    def get_body(self, page) -> str:
        return html.stream_html(page.body, self.page_url(page))
