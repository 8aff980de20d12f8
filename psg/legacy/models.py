"""What the legacy importer has imported, so that running it again is safe."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegacyItem(models.Model):
    """One news item or publication of the legacy site and the page it became.

    The importer finds an item again by ``key`` (its normalised title and
    date), remembers which parts came from a listing and which from an article
    page, and keeps the teaser and body it last wrote: a page field that no
    longer matches them has been edited in the admin and is left alone.
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("News item")
        PUBLICATION = "publication", _("Publication")

    class Source(models.TextChoices):
        NONE = "", _("Nothing")
        LISTING = "listing", _("Listing")
        ARTICLE = "article", _("Article page")

    key = models.CharField(_("key"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    normalised_title = models.CharField(
        _("normalised title"), max_length=255, db_index=True
    )
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(_("date precision"), max_length=10)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_listing = models.BooleanField(_("seen in a listing"), default=False)
    from_article = models.BooleanField(_("seen as an article page"), default=False)
    teaser_source = models.CharField(
        _("teaser from"), max_length=10, choices=Source.choices, blank=True
    )
    body_source = models.CharField(
        _("body from"), max_length=10, choices=Source.choices, blank=True
    )
    # What the importer last wrote, to tell its own text from an editor's.
    imported_summary = models.TextField(_("imported teaser or summary"), blank=True)
    imported_body = models.JSONField(
        _("imported body paragraphs"), default=list, blank=True
    )
    imported_regions = models.JSONField(_("regions added"), default=list, blank=True)
    imported_topics = models.JSONField(_("topics added"), default=list, blank=True)
    bulletin_name = models.CharField(_("bulletin"), max_length=60, blank=True)
    bulletin_number = models.PositiveIntegerField(
        _("bulletin number"), null=True, blank=True
    )
    legacy_paths = models.JSONField(
        _("legacy addresses"),
        default=list,
        blank=True,
        help_text=_('e.g. "/article-123.html"'),
    )
    source_files = models.JSONField(_("source files"), default=list, blank=True)
    created_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("imported legacy item")
        verbose_name_plural = _("imported legacy items")

    def __str__(self):
        return self.title
