"""Shared page base, partial dates, site settings, menu, footer and sidebar promos."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from psg.core import routing
from psg.core.email_addresses import EmailAddressField
from psg.core.locales import default_language


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def format_partial_date(date, precision=DatePrecision.DAY):
    """A date as precisely as it is known: ("April 2009", "2009-04")."""
    if not date:
        return "", ""
    if precision == DatePrecision.YEAR:
        return date_format(date, "Y"), date.strftime("%Y")
    if precision == DatePrecision.MONTH:
        return date_format(date, "YEAR_MONTH_FORMAT"), date.strftime("%Y-%m")
    return date_format(date, "DATE_FORMAT"), date.isoformat()


def partial_date_field(**kwargs):
    """A page's own date, which old items may know only to the month or year
    (see ``date_precision_field``), or not at all."""
    return models.DateField(_("date"), null=True, blank=True, **kwargs)


def date_precision_field(**kwargs):
    """How much of a ``partial_date_field`` is known: a DatePrecision."""
    return models.CharField(
        _("date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        **kwargs,
    )


class PartialDateMixin:
    """For a page with a ``date`` and its ``date_precision``: the date as
    precisely as it is known, for people and for machines."""

    @property
    def display_date(self):
        """The date as precisely as it is known: "April 2009", "2008"."""
        return format_partial_date(self.date, self.date_precision)[0]

    @property
    def iso_date(self):
        """The same in ISO 8601: "2009-04", "2008"."""
        return format_partial_date(self.date, self.date_precision)[1]

    def listing_date(self):
        return format_partial_date(self.date, self.date_precision)


class KeptRestrictionsQuerySet(PageQuerySet):
    """Wagtail's page queryset, its ``public()`` built from the view
    restrictions each worker keeps (psg.core.routing) instead of a query."""

    def private_q(self):
        q = models.Q()
        for path in routing.restricted_paths():
            q |= models.Q(path__startswith=path)
        # Match no page when nothing is private.
        return q if q else models.Q(pk__in=[])


class BasePage(Page):
    """The base of every public page type.

    Gives each page a meta description (its search description, else its own
    summary text) so that no page goes out without one.
    """

    show_in_menus_default = False

    objects = PageManager.from_queryset(KeptRestrictionsQuerySet)()

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary_text()

    def summary_text(self):
        """Plain text that describes this page in listings and meta tags."""
        return ""

    def listing_date(self):
        """(display text, ISO date) of the date a listing, a search result or
        a bulletin shows with the page; ("", "") for an undated page."""
        return "", ""

    @classmethod
    def listing_queryset(cls, queryset):
        """``queryset`` with what a listing of these pages shows fetched
        along (page types with images add them)."""
        return queryset

    def get_view_restrictions(self):
        """Wagtail's, from the restrictions each worker keeps
        (psg.core.routing): no query for a page without any."""
        ids = routing.view_restriction_ids(self)
        if ids is None:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=ids)


class SectionIndexPage(BasePage):
    """The one page of a section (news, publications, events) under home."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def summary_text(self):
        return self.intro


class LinkFields(models.Model):
    """A link to a page on the site or to any URL; the page wins if both."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("URL"),
        max_length=500,
        blank=True,
        help_text=_("An address such as https://… or /join/, if no page is chosen."),
    )

    link_panels = [FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.link_page_id and not self.link_url:
            raise ValidationError(_("Choose a page or enter a URL."))
        if self.link_url and not self.link_url.startswith(
            ("/", "https://", "http://", "mailto:")
        ):
            raise ValidationError(
                {"link_url": _("Start the URL with /, https://, http:// or mailto:.")}
            )

    @property
    def href(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url


def language_choices():
    """The site's languages, for the chrome's rows (read when asked)."""
    return settings.LANGUAGES


def chrome_language_field():
    """Which language's pages show a menu item, footer link or promo
    (decision 0006: per-language rows of the site's settings)."""
    return models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_("Shown on the pages in this language."),
    )


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who the PSG is: shown in the footer and used in structured data."""

    name = models.CharField(
        _("organisation name"), max_length=200, default="Peru Support Group"
    )
    charity_number = models.CharField(_("charity number"), max_length=50, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    # Also the bulletin's reply-to address when a series has none.
    email = EmailAddressField(_("email"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=50, blank=True)
    tagline = models.CharField(
        _("tagline"),
        max_length=250,
        blank=True,
        help_text=_("One line under the site name."),
    )
    tagline_es = models.CharField(
        _("tagline in Spanish"),
        max_length=250,
        blank=True,
        help_text=_("The tagline on the Spanish pages (the English one if empty)."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("tagline"),
        FieldPanel("tagline_es"),
        FieldPanel("charity_number"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("telephone"),
    ]

    class Meta:
        verbose_name = _("organisation")


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu, footer links, social links and sidebar promos."""

    panels = [
        InlinePanel("menu_items", label=_("Main menu")),
        InlinePanel("footer_links", label=_("Footer links")),
        InlinePanel("social_links", label=_("Social links")),
        InlinePanel("promos", label=_("Sidebar promos")),
    ]

    class Meta:
        verbose_name = _("navigation and sidebar")


class NamedLink(Orderable, LinkFields):
    label = models.CharField(_("label"), max_length=60)
    language = chrome_language_field()

    panels = [FieldPanel("label"), FieldPanel("language"), *LinkFields.link_panels]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.label


class MenuItem(NamedLink):
    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="menu_items"
    )


class FooterLink(NamedLink):
    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="footer_links"
    )


class SocialLink(Orderable):
    class Network(models.TextChoices):
        BLUESKY = "bluesky", "Bluesky"
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        LINKEDIN = "linkedin", "LinkedIn"
        MASTODON = "mastodon", "Mastodon"
        X = "x", "X (Twitter)"
        YOUTUBE = "youtube", "YouTube"

    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="social_links"
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    url = models.URLField(_("URL"))

    panels = [FieldPanel("network"), FieldPanel("url")]

    def __str__(self):
        return self.get_network_display()


class SidebarPromo(Orderable, LinkFields):
    """A box in the sidebar of every page ("PSG Aims", "Why join the PSG?")."""

    settings = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="promos"
    )
    title = models.CharField(_("title"), max_length=100)
    text = models.TextField(
        _("text"),
        max_length=1200,
        help_text=_("Plain text; a line starting with '- ' becomes a bullet."),
    )
    link_label = models.CharField(
        _("link label"), max_length=60, blank=True, help_text=_("e.g. Read more")
    )
    language = chrome_language_field()

    panels = [
        FieldPanel("title"),
        FieldPanel("language"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("link_label"), *LinkFields.link_panels], heading=_("Link")
        ),
    ]

    def __str__(self):
        return self.title

    def clean(self):
        # The link is optional for a promo, but a label needs somewhere to go.
        if self.link_label and not (self.link_page_id or self.link_url):
            raise ValidationError({"link_label": _("Choose a page or URL to link to.")})
        if self.link_page_id or self.link_url:
            super().clean()

    @property
    def paragraphs(self):
        """The text as paragraphs and bullet lists, for the template."""
        blocks, bullets = [], []
        for line in self.text.splitlines():
            line = line.strip()
            if line.startswith(("- ", "• ")):
                bullets.append(line[2:].strip())
                continue
            if bullets:
                blocks.append(("list", bullets))
                bullets = []
            if line:
                blocks.append(("paragraph", line))
        if bullets:
            blocks.append(("list", bullets))
        return blocks


class RateCounter(models.Model):
    """How often one key used one rate limit in one window (core.ratelimit).

    Counted with one atomic upsert, so simultaneous requests never pass a
    limit together; rows of ended windows are purged as new ones are made.
    """

    bucket = models.CharField(max_length=100)
    window = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=0)
    expires = models.BigIntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bucket", "window"], name="core_ratecounter_one_per_window"
            )
        ]

    def __str__(self):
        return f"{self.bucket} @ {self.window}: {self.hits}"
