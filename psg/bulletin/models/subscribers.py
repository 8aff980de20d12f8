"""Subscribers to the bulletin, members or not."""

import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from psg.members.models import Member, normalise_email

__all__ = ["Subscriber", "new_unsubscribe_token"]


def new_unsubscribe_token():
    """The secret in a subscriber's personal unsubscribe link."""
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def sending(self):
        """The addresses the bulletin goes to."""
        return self.filter(status=Subscriber.Status.SUBSCRIBED)


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

    email = models.EmailField(_("email"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True)
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
