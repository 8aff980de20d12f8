"""One edition sent to one subscriber: the record that makes sending exactly once."""

import hashlib
import hmac
from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .editions import Edition
from .subscribers import Subscriber

__all__ = ["Delivery", "delivery_message_id"]


def delivery_message_id(edition_id, subscriber_id):
    """The Message-ID of an edition's message to one subscriber.

    The same every time it is computed, so a message sent again after a crash
    carries the same Message-ID as the first and mail systems can tell it is
    one message; the keyed hash keeps the subscriber's number from being the
    whole of it.
    """
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"bulletin:{edition_id}:{subscriber_id}".encode(),
        hashlib.sha256,
    ).hexdigest()[:16]
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    domain = address.rpartition("@")[2] or "localhost"
    return f"<edition-{edition_id}.{subscriber_id}.{digest}@{domain}>"


class DeliveryQuerySet(models.QuerySet):
    def counts(self):
        """{status: number} over these deliveries, every status present."""
        result = dict.fromkeys(Delivery.Status.values, 0)
        for row in self.order_by().values("status").annotate(n=models.Count("pk")):
            result[row["status"]] = row["n"]
        return result


class Delivery(models.Model):
    """An edition to one subscriber: waiting, being handed over, sent or failed.

    Each row goes pending → sending → sent (or failed), every step committed
    on its own; see psg.bulletin.sending for why that makes sending exactly
    once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # The whole message went and no answer came: the server may have it.
        # Never sent again by itself (docs/bulletin.md).
        UNKNOWN = "unknown", _("Unknown: the server may have it")
        SKIPPED = "skipped", _("Not sent: no longer subscribed")

    edition = models.ForeignKey(
        Edition,
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    email = models.EmailField(_("email"), max_length=254)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
    )
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    claimed_at = models.DateTimeField(_("handed to the server"), null=True)
    sent_at = models.DateTimeField(_("sent"), null=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                "edition", "subscriber", name="bulletin_delivery_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["edition", "status"], name="bulletin_delivery_status_idx"
            )
        ]

    def __str__(self):
        return f"{self.edition} → {self.email}"
