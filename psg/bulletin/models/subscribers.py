"""Subscribers to the bulletin, members or not."""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from psg.core.email_addresses import EmailAddressField, normalise_email
from psg.members.languages import language_field
from psg.members.models import Member

from .editions import BulletinSeries

__all__ = ["Subscriber", "Subscription", "new_unsubscribe_token"]


def new_unsubscribe_token():
    """The secret in a subscriber's personal unsubscribe link."""
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def sending(self, series=None):
        """The addresses the bulletin goes to: of ``series`` when given."""
        subscribed = self.filter(status=Subscriber.Status.SUBSCRIBED)
        if series is None:
            return subscribed
        return subscribed.filter(subscriptions__series=series)


class Subscriber(models.Model):
    """An address the bulletin goes to (or went to, or will once confirmed).

    A member who consented to the bulletin has one, linked to them and kept in
    step with their consent (see ``psg.bulletin.subscriptions``).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        SUBSCRIBED = "subscribed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bouncing: not sent to")

    email = EmailAddressField(_("email"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = language_field()
    series = models.ManyToManyField(
        BulletinSeries,
        verbose_name=_("series"),
        through="Subscription",
        related_name="subscribers",
        blank=True,
        help_text=_("The bulletins this address receives while subscribed."),
    )
    member = models.OneToOneField(
        Member,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bulletin_subscriber",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    unsubscribe_token = models.CharField(
        _("unsubscribe token"),
        max_length=64,
        unique=True,
        default=new_unsubscribe_token,
        editable=False,
    )
    soft_bounce_count = models.PositiveSmallIntegerField(
        _("soft bounces in a row"), default=0
    )
    last_bounce_at = models.DateTimeField(_("last bounce"), null=True, blank=True)
    last_bounce_reason = models.CharField(
        _("last bounce reason"), max_length=500, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="bulletin_subscriber_email_unique"
            )
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_bounced(self):
        return self.status == self.Status.BOUNCED

    def series_names(self):
        """ "Peru News, Update": the series it receives (uses prefetched series)."""
        return ", ".join(sorted(series.name for series in self.series.all()))


class Subscription(models.Model):
    """One subscriber receiving one series, since a given time."""

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    series = models.ForeignKey(
        BulletinSeries,
        verbose_name=_("series"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    subscribed_at = models.DateTimeField(_("subscribed"), default=timezone.now)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                "subscriber", "series", name="bulletin_subscription_unique"
            )
        ]

    def __str__(self):
        return f"{self.subscriber} → {self.series}"
