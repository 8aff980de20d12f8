"""Regions, topics and series: the vocabulary readers follow the archive by."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from psg.core.models import SectionIndexPage
from psg.core.text import fold

from . import items


class TermBase(index.Indexed, models.Model):
    """A named term with a Spanish name and aliases for text detection."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_es = models.CharField(_("Spanish name"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    aliases = models.CharField(
        _("aliases"),
        max_length=500,
        blank=True,
        help_text=_(
            "Other spellings, comma-separated, used to recognise the term in "
            "imported text (e.g. Cuzco, Apurimac)."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_es"),
        FieldPanel("slug"),
        FieldPanel("aliases"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_es"),
        index.SearchField("aliases"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def other_name(self):
        """The Spanish name, where it is not the same as the English one."""
        if self.name_es and self.name_es != self.name:
            return self.name_es
        return ""

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    def match_terms(self):
        """Accent- and case-folded forms of every name this term goes by."""
        names = [self.name, self.name_es, *self.alias_list]
        return sorted({fold(name) for name in names if name}, key=len, reverse=True)


class Region(TermBase):
    """One of Peru's 26 regional governments (25 regions and Lima Province)."""

    capital = models.CharField(_("capital"), max_length=100, blank=True)

    panels = [*TermBase.panels, FieldPanel("capital")]

    class Meta(TermBase.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Topic(TermBase):
    """A theme followed across the archive: mining, water, political reform…"""

    class Meta(TermBase.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Series(index.Indexed, models.Model):
    """A run of articles under one heading, such as "Letter from Cajamarca"."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("region"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name


def regions_field():
    return ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )


def topics_field():
    return ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )


class TermIndexPage(RoutablePageMixin, SectionIndexPage):
    """An index of terms under home, each term with a page of its own.

    /<index>/ is the index; /<index>/<slug>/ (the "term" route) lists the news,
    publications and events that carry the term, newest first.
    """

    term_model = None
    term_field = ""  # the pages' field: "regions" or "topics"
    term_context_name = ""  # the term's name in the template context
    term_template = "taxonomy/term_page.html"

    subpage_types = []

    class Meta:
        abstract = True

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=self.index_context(request))

    def index_context(self, request):
        """What the index shows beyond its introduction."""
        return {}

    @path("<slug:slug>/", name="term")
    def term_route(self, request, slug):
        term = get_object_or_404(self.term_model, slug=slug)
        return self.render(
            request,
            template=self.term_template,
            context_overrides={
                self.term_context_name: term,
                "term": term,
                "items": items.paginate_term_items(request, self.term_field, term),
                "term_path": self.reverse_subpage("term", args=[term.slug]),
            },
        )

    def term_url(self, slug, request=None):
        """The path of a term's page, e.g. /regions/cajamarca/."""
        return self.get_url(request) + self.reverse_subpage("term", args=[slug])

    def get_sitemap_urls(self, request=None):
        """The index, then every term with the date its newest item changed."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        newest = items.newest_publication_per_term(self.term_field)
        own = urls[0].get("lastmod")
        urls[0]["lastmod"] = max(
            [date for date in (own, *newest.values()) if date], default=None
        )
        for term in self.term_model.objects.order_by("slug"):
            entry = {"location": base + self.reverse_subpage("term", args=[term.slug])}
            if term.pk in newest:
                entry["lastmod"] = newest[term.pk]
            urls.append(entry)
        return urls


class RegionIndexPage(TermIndexPage):
    """/regions/: the map of Peru's regions, and a page per region."""

    term_model = Region
    term_field = "regions"
    term_context_name = "region"

    template = "taxonomy/region_index_page.html"

    class Meta:
        verbose_name = _("region index")

    def index_context(self, request):
        from .activity import region_activity
        from .region_map import build_map

        return {
            "region_map": build_map(
                region_activity(), lambda slug: self.term_url(slug, request)
            )
        }


class TopicIndexPage(TermIndexPage):
    """/topics/: every topic with how many items carry it, and a page per topic."""

    term_model = Topic
    term_field = "topics"
    term_context_name = "topic"

    template = "taxonomy/topic_index_page.html"

    class Meta:
        verbose_name = _("topic index")

    def index_context(self, request):
        topics = items.terms_with_counts(Topic, "topics")
        return {
            "topics": [
                (topic, self.term_url(topic.slug, request))
                for topic in sorted(topics, key=lambda topic: fold(topic.name))
            ]
        }
