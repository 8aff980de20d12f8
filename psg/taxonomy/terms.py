"""Regions, topics and series: the vocabulary readers follow the archive by."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from psg.core.text import fold


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
