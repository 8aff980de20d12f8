"""Reports, case studies, submissions and briefings, in English and Spanish."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from psg.core.locales import TranslatedRelationsMixin
from psg.core.models import (
    BasePage,
    PartialDateMixin,
    SectionIndexPage,
    date_precision_field,
    partial_date_field,
)
from psg.core.page_kinds import PageKind
from psg.core.search_index import (
    ATTACHMENT_BOOST,
    TEXT_BOOST,
    SearchableMixin,
    site_search_fields,
)
from psg.taxonomy.models import regions_field, topics_field

PUBLICATIONS_PER_PAGE = 12


class PublicationIndexPage(SectionIndexPage):
    """/publications/ ("Resources"): newest first, filtered by kind."""

    template = "pages/publication_index_page.html"
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publication index")

    def publications(self, kind=None):
        queryset = (
            PublicationPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("cover_image")
            .prefetch_related(
                "cover_image__renditions",
                Prefetch(
                    "files",
                    queryset=PublicationFile.objects.select_related("document"),
                ),
            )
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )
        if kind:
            queryset = queryset.filter(kind=kind)
        return queryset

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        if kind not in PublicationPage.Kind.values:
            kind = ""
        paginator = Paginator(self.publications(kind), PUBLICATIONS_PER_PAGE)
        context["items"] = paginator.get_page(request.GET.get("page"))
        context["kind"] = kind
        context["kinds"] = PublicationPage.Kind.choices
        return context


class PublicationPage(
    TranslatedRelationsMixin, PartialDateMixin, SearchableMixin, BasePage
):
    translated_relations = ("regions", "topics")

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        CASE_STUDY = "case-study", _("Case study")
        SUBMISSION = "submission", _("Submission")
        BRIEFING = "briefing", _("Briefing")
        UPDATE_EXTRA = "update-extra", _("Update Extra")
        ARTICLE = "article", _("Article")
        EVENT_REPORT = "event-report", _("Event report")

    date = partial_date_field(
        help_text=_("For a month or a year, enter its first day and set precision.")
    )
    date_precision = date_precision_field()
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT
    )
    summary = models.TextField(
        _("summary"), help_text=_("Plain text shown in listings, a paragraph or two.")
    )
    description = RichTextField(_("description"), blank=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("If not the PSG, e.g. King's College London."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    regions = regions_field()
    topics = topics_field()
    # The text of the PDF files, for the site search; filled by
    # psg.publications.pdf_text (never typed), at most PDF_TEXT_LIMIT characters.
    pdf_text = models.TextField(_("text of the PDF files"), blank=True, editable=False)
    pdf_text_fingerprint = models.CharField(
        _("files the PDF text was read from"),
        max_length=64,
        blank=True,
        editable=False,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("date_precision"),
                FieldPanel("kind"),
                FieldPanel("publisher"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("cover_image"),
        InlinePanel("files", label=_("Files"), min_num=0),
        MultiFieldPanel(
            [FieldPanel("regions"), FieldPanel("topics")],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=TEXT_BOOST),
        index.SearchField("description", boost=TEXT_BOOST),
        index.SearchField("publisher", boost=TEXT_BOOST),
        index.SearchField("pdf_text", boost=ATTACHMENT_BOOST),
        *site_search_fields(),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]

    template = "pages/publication_page.html"
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    page_kind = PageKind(
        name="publication",
        label=_("Publication"),
        plural=_("Publications"),
        order=20,
        date_field="date",
        result_fields=("date", "date_precision"),
    )

    class Meta:
        verbose_name = _("publication")

    def summary_text(self):
        return self.summary.strip().split("\n\n")[0][:300]

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("cover_image").prefetch_related(
            "cover_image__renditions"
        )


class PublicationFile(Orderable):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    publication = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="files"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )

    panels = [FieldPanel("document"), FieldPanel("language")]

    def __str__(self):
        return f"{self.document} ({self.get_language_display()})"
