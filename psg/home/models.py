from functools import partial

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from psg.core.models import BasePage
from psg.events.models import EventPage
from psg.news.models import NewsPage
from psg.publications.models import PublicationPage
from psg.taxonomy.links import region_map_for

HOME_NEWS_COUNT = 6
HOME_EVENTS_COUNT = 3


class HomePage(BasePage):
    """The front page: latest news, a featured publication, upcoming events."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    featured_publication = models.ForeignKey(
        "publications.PublicationPage",
        verbose_name=_("featured publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to feature the newest publication."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("featured_publication"),
    ]

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "publications.PublicationIndexPage",
        "events.EventIndexPage",
        "taxonomy.RegionIndexPage",
        "taxonomy.TopicIndexPage",
        "standard_pages.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def summary_text(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        # Each part is read only when the template renders it: a part the
        # worker keeps rendered (psg_tags.kept_part) needs none of these
        # queries.
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by(models.F("date").desc(nulls_last=True), "-pk")[:HOME_NEWS_COUNT]
        )
        context["featured_publication"] = SimpleLazyObject(self.shown_publication)
        context["upcoming_events"] = (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(end__gte=timezone.now())
            .order_by("start")[:HOME_EVENTS_COUNT]
        )
        # The small map of the regions, when there is a region index to link to.
        context["region_map"] = SimpleLazyObject(partial(region_map_for, request))
        return context

    def shown_publication(self):
        """The featured publication (its version in this page's language)
        while it is live and public, else the newest publication."""
        featured = self.featured_publication
        if featured is not None and featured.locale_id != self.locale_id:
            # A translation of the home page features the publication's
            # translation (wagtail-localize copies the page chosen in English).
            featured = PublicationPage.objects.filter(
                translation_key=featured.translation_key, locale_id=self.locale_id
            ).first()
        if featured is not None and not (
            # Live and public: a page under a view restriction never shows
            # here, not even its title (docs/security.md, "Private content").
            PublicationPage.objects.live().public().filter(pk=featured.pk).exists()
        ):
            featured = None
        if featured is None:
            featured = (
                PublicationPage.objects.live()
                .public()
                .descendant_of(self)
                .select_related("cover_image")
                .order_by(models.F("date").desc(nulls_last=True), "-pk")
                .first()
            )
        return featured
