"""The region and topic pages: /regions/ (with the map), /topics/, and a
page for each term listing its news, publications and events."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from psg.core.models import SectionIndexPage
from psg.core.text import fold
from psg.core.translated_routes import TranslatedRoutesMixin

from . import items
from .activity import region_activity
from .region_map import build_map
from .terms import Region, Topic


class TermIndexPage(TranslatedRoutesMixin, RoutablePageMixin, SectionIndexPage):
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

    @property
    def translated_routes(self):
        return {"term": self.term_model}

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=self.index_context(request))

    def index_context(self, request):
        """What the index shows beyond its introduction."""
        return {}

    @path("<slug:slug>/", name="term")
    def term_route(self, request, slug):
        term = get_object_or_404(
            self.term_model.objects.with_name_es(), slug=slug, locale_id=self.locale_id
        )
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
        """The index, then every term with the date its newest item changed
        and its translation key."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        newest = items.newest_publication_per_term(self.term_field)
        own = urls[0].get("lastmod")
        urls[0]["lastmod"] = max(
            [date for date in (own, *newest.values()) if date], default=None
        )
        terms = self.term_model.objects.filter(locale_id=self.locale_id)
        for term in terms.order_by("slug"):
            entry = {
                "location": base + self.reverse_subpage("term", args=[term.slug]),
                # The same term's page in each language are versions of one
                # another (the sitemap's alternates).
                "translation_key": term.translation_key,
            }
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
        topics = items.terms_with_counts(
            Topic.objects.filter(locale_id=self.locale_id), "topics"
        )
        return {
            "topics": [
                (topic, self.term_url(topic.slug, request))
                for topic in sorted(topics, key=lambda topic: fold(topic.name))
            ]
        }
