"""Regions, topics and series: the vocabulary readers follow the archive by."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from psg.core.locales import SPANISH, active_language
from psg.core.text import fold


class TermQuerySet(models.QuerySet):
    def in_language(self, language=None):
        """The terms of one locale (by default the active language's): every
        reader-facing query asks for these, each term existing once per
        language (a join, not another query)."""
        return self.filter(locale__language_code=language or active_language())

    def with_name_es(self):
        """Each term with ``name_es``, its Spanish translation's name ("" if
        it has none), read in the same query."""
        spanish = self.model._default_manager.filter(
            translation_key=models.OuterRef("translation_key"),
            locale__language_code=SPANISH,
        ).values("name")[:1]
        return self.annotate(
            name_es=Coalesce(models.Subquery(spanish), models.Value(""))
        )


class TermBase(TranslatableMixin, index.Indexed, models.Model):
    """A named term, once per language, with aliases for text detection.

    Each language's version is a wagtail-localize translation of the English
    one (same ``translation_key``); names and slugs are unique per language.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
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

    objects = TermQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("aliases"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("aliases"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [
            ("translation_key", "locale"),
            ("slug", "locale"),
            ("name", "locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def other_name(self):
        """The Spanish name (from ``with_name_es()``, else its translation),
        where it is not the same as this one."""
        name_es = getattr(self, "name_es", None)
        if name_es is None:
            spanish = self.get_translations().filter(locale__language_code=SPANISH)
            name_es = spanish.values_list("name", flat=True).first() or ""
        return name_es if name_es != self.name else ""

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    def match_terms(self):
        """Accent- and case-folded forms of every name this term goes by."""
        names = [self.name, getattr(self, "name_es", ""), *self.alias_list]
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


class Series(TranslatableMixin, index.Indexed, models.Model):
    """A run of articles under one heading, such as "Letter from Cajamarca"."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150)
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
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    objects = TermQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [
            ("translation_key", "locale"),
            ("slug", "locale"),
            ("name", "locale"),
        ]
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
