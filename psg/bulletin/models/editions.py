"""Bulletin series and their numbered editions."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from psg.core.email_addresses import EmailAddressField
from psg.core.page_kinds import item_models
from psg.members.languages import Language
from psg.news.models import NewsPage

__all__ = [
    "BulletinSeries",
    "Edition",
    "EditionLocked",
    "SeriesInUse",
    "EditionItem",
    "edition_title",
    "edition_url",
    "legacy_numbers",
]

# With no earlier edition, "Compose from latest" looks this far back.
COMPOSE_DEFAULT_DAYS = 30


def edition_title(series_name, number, date):
    """ "Update 119 — 31 January 2007": how an edition is named everywhere."""
    if date is None:
        return _("%(series)s %(number)s") % {"series": series_name, "number": number}
    return _("%(series)s %(number)s — %(date)s") % {
        "series": series_name,
        "number": number,
        "date": date_format(date, "DATE_FORMAT"),
    }


def edition_url(name, series_slug, number, edition=None):
    """The address ``name`` (the page, the PDF) of an edition: the Spanish
    edition's has ``/es`` after the number. The same in every language of
    the site (not under its ``/es/`` prefix): each edition has one address."""
    if edition is not None and edition.language == Language.SPANISH:
        name += "-es"
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name, kwargs={"series": series_slug, "number": number})


def legacy_numbers(series):
    """The bulletin numbers imported news items carry for ``series``."""
    return NewsPage.objects.filter(
        bulletin_name__iexact=series.name, bulletin_number__isnull=False
    ).values_list("bulletin_number", flat=True)


class SeriesInUse(Exception):
    """A series someone receives, or with editions, is not deleted."""


class BulletinSeries(models.Model):
    """A run of numbered bulletins: "Update", "Peru News", "Newsletter"."""

    name = models.CharField(
        _("name"),
        max_length=60,
        unique=True,
        help_text=_(
            "As readers know it, e.g. Update. Imported news items whose "
            "bulletin has this name (in any case) form its earlier editions."
        ),
    )
    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, help_text=_("Used in addresses.")
    )
    description = models.TextField(_("description"), blank=True)
    from_name = models.CharField(
        _("sender name"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to send as the organisation."),
    )
    reply_to = EmailAddressField(
        _("reply-to address"),
        blank=True,
        help_text=_("Leave empty to use the organisation's address."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("New editions can be made only in an active series."),
    )
    is_open = models.BooleanField(
        _("open to new subscribers"),
        default=False,
        help_text=_(
            "Offered on the sign-up form, and given to members who ask for the "
            "bulletin. Closing a series keeps its subscribers."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("from_name"), FieldPanel("reply_to")]),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("is_open")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("bulletin series")
        verbose_name_plural = _("bulletin series")

    def __str__(self):
        return self.name

    def delete(self, *args, **kwargs):
        if reason := self.in_use():
            raise SeriesInUse(reason)
        return super().delete(*args, **kwargs)

    def in_use(self):
        """Why the series cannot be deleted (someone receives it, or it has
        editions), or "" (docs/bulletin.md, "Locks")."""
        receivers = self.subscriptions.count()
        editions = self.editions.count()
        if not (receivers or editions):
            return ""
        return _(
            "%(series)s cannot be deleted: %(receivers)s subscriber(s) receive it "
            "and it has %(editions)s edition(s). Untick “active” and “open to new "
            "subscribers” instead."
        ) % {"series": self.name, "receivers": receivers, "editions": editions}

    def highest_number(self, exclude_pk=None):
        """The highest number used so far, by an edition or an imported item."""
        editions = self.editions.all()
        if exclude_pk is not None:
            editions = editions.exclude(pk=exclude_pk)
        highest = editions.aggregate(highest=Max("number"))["highest"] or 0
        legacy = legacy_numbers(self).aggregate(highest=Max("bulletin_number"))
        return max(highest, legacy["highest"] or 0)

    def next_number(self):
        return self.highest_number() + 1


class EditionLocked(Exception):
    """An edition being sent, or sent, cannot be changed (docs/bulletin.md,
    "Locks"): every subscriber gets the text the send began with."""


class EditionQuerySet(models.QuerySet):
    def published(self):
        """Editions readers may see: sent, or imported from the old site."""
        return self.filter(Q(status=Edition.Status.SENT) | Q(is_legacy=True))


class Edition(ClusterableModel):
    """One numbered edition of a series: an introduction and a list of items."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    series = models.ForeignKey(
        BulletinSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        related_name="editions",
    )
    number = models.PositiveIntegerField(
        _("number"),
        help_text=_("The next number in the series is proposed; no gaps."),
    )
    date = models.DateField(_("date"), default=datetime.date.today)
    introduction = RichTextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        editable=False,
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    # Which run of the sending task may go on next (psg.bulletin.sending).
    send_generation = models.PositiveIntegerField(default=0, editable=False)
    # When the mail server failed the run (not a recipient): how many runs in
    # a row, when the next is due, and what the server said
    # (docs/bulletin.md, "When sending goes wrong").
    send_retries = models.PositiveSmallIntegerField(default=0, editable=False)
    send_retry_at = models.DateTimeField(null=True, blank=True, editable=False)
    send_error = models.CharField(max_length=500, blank=True, editable=False)
    # A Spanish edition is the Spanish of an English one: same series and
    # number, sent with it to those who read Spanish (docs/bulletin.md).
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
        editable=False,
    )
    english_edition = models.OneToOneField(
        "self",
        verbose_name=_("English edition"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="spanish_edition",
    )
    is_ready = models.BooleanField(
        _("ready to send"),
        default=False,
        help_text=_(
            "Subscribers who read Spanish receive this edition, instead of the "
            "English one, only if it is ready when the English one is sent."
        ),
    )
    is_legacy = models.BooleanField(
        _("archived edition"),
        default=False,
        help_text=_(
            "An edition from before this site, shown in the archive without being sent."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EditionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("series"), FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("introduction"),
        FieldPanel("is_ready"),
        InlinePanel("items", label=_("Items"), heading=_("Items")),
        MultiFieldPanel(
            [FieldPanel("is_legacy")], heading=_("Archive"), classname="collapsed"
        ),
    ]

    class Meta:
        ordering = ["series__name", "-number"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        # Editing an edition and sending it to every subscriber are separate
        # rights: editors compose and send tests, fewer people send.
        permissions = [("send_edition", _("Can send editions to subscribers"))]
        constraints = [
            models.UniqueConstraint(
                "series", "number", "language", name="bulletin_edition_number_unique"
            )
        ]

    def __str__(self):
        return str(edition_title(self.series.name, self.number, self.date))

    def clean(self):
        super().clean()
        if self.stored_is_locked():
            raise ValidationError(self.locked_message())
        if self.english_edition_id is not None:
            # Its series and number are the English edition's.
            self.series_id = self.english_edition.series_id
            self.number = self.english_edition.number
            return
        if self.series_id is None or self.number is None:
            return
        series = self.series
        others = series.editions.filter(language=self.language).exclude(pk=self.pk)
        if others.filter(number=self.number).exists():
            raise ValidationError(
                {
                    "number": _(
                        "%(series)s %(number)s already exists. The next free "
                        "number is %(next)s."
                    )
                    % {
                        "series": series.name,
                        "number": self.number,
                        "next": series.highest_number(exclude_pk=self.pk) + 1,
                    }
                }
            )
        highest = series.highest_number(exclude_pk=self.pk)
        if self.number > highest + 1:
            raise ValidationError(
                {
                    "number": _(
                        "%(series)s %(number)s would leave a gap after "
                        "%(highest)s. The next number is %(next)s."
                    )
                    % {
                        "series": series.name,
                        "number": self.number,
                        "highest": highest,
                        "next": highest + 1,
                    }
                }
            )

    def save(self, *args, **kwargs):
        # The sending code changes the status with UPDATEs, never save().
        if self.stored_is_locked():
            raise EditionLocked(self.locked_message())
        if self.english_edition_id is not None:
            self.language = Language.SPANISH
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return edition_url("bulletin-edition", self.series.slug, self.number, self)

    @property
    def is_spanish(self):
        return self.language == Language.SPANISH

    @property
    def is_locked(self):
        """Being sent or sent: no longer to be changed."""
        return self.status in LOCKED_STATUSES

    def stored_is_locked(self):
        """Whether the saved row is locked (whatever this instance says)."""
        return (
            self.pk is not None
            and Edition.objects.filter(pk=self.pk, status__in=LOCKED_STATUSES).exists()
        )

    def locked_message(self):
        return _(
            "%(edition)s is being sent or has been sent, so it can no longer be "
            "changed: every subscriber receives the text the send began with."
        ) % {"edition": Edition.objects.select_related("series").get(pk=self.pk)}

    def compose_from_latest(self):
        """Add every page first published since the previous edition.

        "Since" is the start of the previous edition's day in the series (or
        the last 30 days when there is none); pages already listed here or in
        the previous edition are left out. News comes first, then
        publications, then events, each oldest first. Returns the pages added.
        """
        previous = (
            Edition.objects.filter(
                series_id=self.series_id, language=self.language, number__lt=self.number
            )
            .order_by("-number")
            .first()
        )
        if previous is not None:
            since = timezone.make_aware(
                datetime.datetime.combine(previous.date, datetime.time.min)
            )
            skip = set(previous.items.values_list("page_id", flat=True))
        else:
            since = timezone.now() - datetime.timedelta(days=COMPOSE_DEFAULT_DAYS)
            skip = set()
        skip |= set(self.items.values_list("page_id", flat=True))
        if self.stored_is_locked():
            raise EditionLocked(self.locked_message())
        position = self.items.aggregate(last=Max("sort_order"))["last"]
        position = -1 if position is None else position
        added = []
        for model in page_models():
            pages = (
                model.objects.live()
                .public()
                .filter(first_published_at__gte=since)
                .exclude(pk__in=skip)
                .order_by("first_published_at", "pk")
            )
            for page in pages:
                position += 1
                EditionItem.objects.create(
                    edition=self, page=Page(pk=page.pk), sort_order=position
                )
                added.append(page)
        if added:
            self.save(update_fields=["updated_at"])
        return added


LOCKED_STATUSES = (Edition.Status.SENDING, Edition.Status.SENT)


def page_models():
    """The page classes an edition may list: the kinds of item (news,
    publications, events), in their order."""
    return item_models()


class ItemChooserPanel(PageChooserPanel):
    """A page chooser offering the kinds of page an edition lists, read when
    the form is built (the kinds are known once the models are loaded)."""

    def get_form_options(self):
        self.page_type = page_models()
        return super().get_form_options()


class EditionItem(Orderable):
    """A news item, publication or event listed in an edition."""

    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [ItemChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return str(self.page)

    def clean(self):
        super().clean()
        if self.page_id is None:
            return
        if self.page.specific_class not in page_models():
            raise ValidationError(
                {
                    "page": _(
                        "Choose a news item, a publication or an event; "
                        "“%(title)s” is a %(kind)s."
                    )
                    % {
                        "title": self.page.title,
                        "kind": self.page.specific_class._meta.verbose_name,
                    }
                }
            )
