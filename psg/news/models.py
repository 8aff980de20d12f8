"""News, analysis, editorials and letters from the regions."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from psg.core import page_facts, routing, structure
from psg.core.blocks import BodyBlock
from psg.core.content_translation import pages_in_locale
from psg.core.locales import TranslatedRelationsMixin
from psg.core.models import (
    BasePage,
    PartialDateMixin,
    SectionIndexPage,
    date_precision_field,
    partial_date_field,
)
from psg.core.page_kinds import PageKind
from psg.core.search_index import TEXT_BOOST, SearchableMixin, site_search_fields
from psg.core.translated_routes import TranslatedRoutesMixin
from psg.taxonomy.models import Series, regions_field, topics_field

from .filters import NewsFilters

NEWS_PER_PAGE = 10


class Author(TranslatableMixin, index.Indexed, models.Model):
    """A byline; its Spanish translation gives the role in Spanish."""

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    bio = models.TextField(_("biography"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class NewsIndexPage(TranslatedRoutesMixin, RoutablePageMixin, SectionIndexPage):
    """/news/: every news item, newest first, ten a page, with filters by
    region, topic, series, kind and year (see ``filters``); a series' letters
    at /news/series/<slug>/."""

    template = "pages/news_index_page.html"
    subpage_types = ["news.NewsPage"]
    translated_routes = {"series": Series}

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("series")
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )

    def paginate(self, request, queryset, counted_as=None):
        """The page of ``queryset`` the address asks for. With ``counted_as``
        (what the query is, as a key), the worker keeps the count until
        anything published changes (psg.core.structure)."""
        paginator = Paginator(queryset, NEWS_PER_PAGE)
        if counted_as is not None:
            paginator.count = structure.kept_recent(
                ("news-count", self.pk, counted_as), queryset.count, request
            )
        return paginator.get_page(request.GET.get("page"))

    @path("")
    def index_route(self, request):
        filters = NewsFilters(request.GET, self, dict(NewsPage.Kind.choices))
        items = self.paginate(
            request, filters.apply(self.news_items()), counted_as=filters.query()
        )
        canonical = filters.query_prefix + (
            f"page={items.number}" if items.number > 1 else ""
        )
        return self.render(
            request,
            context_overrides={
                "items": items,
                "filters": filters,
                "canonical_query": canonical.rstrip("&"),
            },
        )

    @path("series/<slug:slug>/", name="series")
    def series_route(self, request, slug):
        series = get_object_or_404(Series, slug=slug, locale_id=self.locale_id)
        letters = self.news_items().filter(series=series).order_by("date", "pk")
        return self.render(
            request,
            template="pages/series_page.html",
            context_overrides={
                "series": series,
                "items": self.paginate(request, letters),
            },
        )


class NewsPage(TranslatedRelationsMixin, PartialDateMixin, SearchableMixin, BasePage):
    """One news item, analysis, editorial, letter or correction."""

    translated_relations = ("regions", "topics", "authors")

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ANALYSIS = "analysis", _("Analysis")
        EDITORIAL = "editorial", _("Editorial")
        LETTER = "letter", _("Letter")
        CORRECTION = "correction", _("Correction")

    date = partial_date_field(
        help_text=_(
            "The date the item is about, shown to readers. Empty only for "
            "archive items whose date is unknown."
        )
    )
    date_precision = date_precision_field(
        help_text=_("For a month or a year, enter its first day.")
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=300,
        help_text=_(
            "Plain text, at most 300 characters: shown in listings and as the "
            "page's description in search engines."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS
    )
    authors = ParentalManyToManyField(Author, verbose_name=_("authors"), blank=True)
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    regions = regions_field()
    topics = topics_field()
    # Kept from the legacy site: the bulletin an item first appeared in.
    bulletin_name = models.CharField(
        _("bulletin"), max_length=60, blank=True, help_text=_("e.g. Update")
    )
    bulletin_number = models.PositiveIntegerField(
        _("bulletin number"), null=True, blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("date_precision"),
                FieldPanel("kind"),
                FieldPanel("teaser"),
            ],
            heading=_("Listing"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("series"),
                FieldPanel("regions"),
                FieldPanel("topics"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("related_items", label=_("Related items")),
        MultiFieldPanel(
            [FieldPanel("bulletin_name"), FieldPanel("bulletin_number")],
            heading=_("Bulletin"),
            classname="collapsed",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=TEXT_BOOST),
        index.SearchField("body", boost=TEXT_BOOST),
        *site_search_fields(),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]

    template = "pages/news_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_kind = PageKind(
        name="news",
        label=_("News"),
        plural=_("News"),
        order=10,
        date_field="date",
        result_fields=("date", "date_precision"),
    )

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def summary_text(self):
        return self.teaser

    def author_list(self):
        """The byline's authors (read once: the JSON-LD names them too)."""
        return page_facts.authors(self)

    def related_pages(self):
        """Live, public related pages, in the editor's order: a page under a
        view restriction never shows here. Plain ``Page`` objects (a title
        and an address is all a list of links needs), read in one query."""
        items = self.related_items.all()
        if isinstance(items, QuerySet):  # not a preview's unsaved items
            items = items.select_related("page")
        pages = [item.page for item in items if item.page_id]
        # Their versions in this page's language (wagtail-localize copies
        # the pages chosen in English), where there are any.
        pages = pages_in_locale(pages, self.locale_id)
        return [page for page in pages if page.live and routing.is_public(page)]


class RelatedItem(Orderable):
    source = ParentalKey(
        NewsPage, on_delete=models.CASCADE, related_name="related_items"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]
