"""Members, their payments, consents and Gift Aid declarations."""

import datetime
import secrets

from dateutil.relativedelta import relativedelta
from django_countries.fields import CountryField

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from psg.core.email_addresses import EmailAddressField, normalise_email
from psg.members.languages import language_field
from psg.members.signals import consent_recorded, email_changed

# Unambiguous characters for payment references read over the phone or
# typed into a bank's reference field.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_payment_reference():
    return "PSG-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class PaymentMethod(models.TextChoices):
    STANDING_ORDER = "standing-order", _("Standing order")
    BANK_TRANSFER = "bank-transfer", _("Bank transfer")
    CHEQUE = "cheque", _("Cheque")
    CASH = "cash", _("Cash")
    OTHER = "other", _("Other")


# What an applicant may choose on the join form.
JOIN_PAYMENT_METHODS = [
    PaymentMethod.STANDING_ORDER,
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.CHEQUE,
]


@register_setting(icon="group")
class MembershipSettings(BaseSiteSetting):
    """How to pay, and the exact wordings consents and Gift Aid are given under.

    Changing a wording? Change its version too: every consent and declaration
    records the version it was given under.
    """

    bank_account_name = models.CharField(
        _("account name"), max_length=100, default="Peru Support Group"
    )
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    sort_code = models.CharField(_("sort code"), max_length=10, blank=True)
    account_number = models.CharField(_("account number"), max_length=12, blank=True)
    iban = models.CharField(_("IBAN"), max_length=40, blank=True)
    bic = models.CharField(_("BIC"), max_length=15, blank=True)
    cheques_payable_to = models.CharField(
        _("cheques payable to"), max_length=100, default="Peru Support Group"
    )
    cheque_address = models.TextField(_("send cheques to"), blank=True)
    secretary_email = EmailAddressField(
        _("membership secretary's email"),
        blank=True,
        help_text=_("Replies to membership emails go here."),
    )
    gift_aid_wording = models.TextField(
        _("Gift Aid declaration"),
        default=(
            "I want to Gift Aid my membership subscription and any donations I "
            "make in the future or have made in the past 4 years to the Peru "
            "Support Group. I am a UK taxpayer and understand that if I pay less "
            "Income Tax and/or Capital Gains Tax than the amount of Gift Aid "
            "claimed on all my donations in that tax year it is my "
            "responsibility to pay any difference."
        ),
    )
    gift_aid_wording_version = models.CharField(
        _("Gift Aid wording version"), max_length=20, default="2026-1"
    )
    bulletin_consent_wording = models.CharField(
        _("bulletin consent wording"),
        max_length=300,
        default="Send me the PSG bulletin by email.",
    )
    events_consent_wording = models.CharField(
        _("events consent wording"),
        max_length=300,
        default="Send me news of PSG events by email.",
    )
    consent_wording_version = models.CharField(
        _("consent wording version"), max_length=20, default="2026-1"
    )

    class Meta:
        verbose_name = _("membership")


class MembershipType(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    annual_fee = models.DecimalField(
        _("annual fee (GBP)"), max_digits=8, decimal_places=2
    )
    description = models.TextField(_("description"), blank=True)
    for_organisations = models.BooleanField(
        _("for organisations"),
        default=False,
        help_text=_("Asks for an organisation name as well as a contact name."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Offered on the join form.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("membership type")
        verbose_name_plural = _("membership types")

    def __str__(self):
        return f"{self.name} (£{self.annual_fee})"


# The fields a member can correct themselves, in the order forms show them.
CONTACT_FIELDS = [
    "name",
    "organisation",
    "email",
    "telephone",
    "address_line_1",
    "address_line_2",
    "town",
    "county",
    "postcode",
    "country",
]
# What the membership secretary manages on top of them.
MEMBERSHIP_FIELDS = [
    "membership_type",
    "payment_method",
    "payment_reference",
    "status",
    "joined",
    "current_period_end",
]


class MemberQuerySet(models.QuerySet):
    def renewal_due_within(self, days, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status__in=[Member.Status.ACTIVE, Member.Status.LAPSED],
            current_period_end__lte=today + datetime.timedelta(days=days),
        )

    def not_erased(self):
        return self.filter(erased_at__isnull=True)


class Member(models.Model):
    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting-payment", _("Awaiting payment")
        ACTIVE = "active", _("Active")
        LAPSED = "lapsed", _("Lapsed")
        CANCELLED = "cancelled", _("Cancelled")

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The member, or the contact person.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = EmailAddressField(_("email"), max_length=254)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    address_line_1 = models.CharField(_("address line 1"), max_length=200, blank=True)
    address_line_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    town = models.CharField(_("town or city"), max_length=100, blank=True)
    county = models.CharField(_("county, state or region"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    country = CountryField(_("country"), blank=True, default="GB")
    membership_type = models.ForeignKey(
        MembershipType,
        verbose_name=_("membership type"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    payment_method = models.CharField(
        _("payment method"), max_length=20, choices=PaymentMethod.choices
    )
    payment_reference = models.CharField(
        _("payment reference"),
        max_length=20,
        unique=True,
        default=new_payment_reference,
        help_text=_("Quoted on bank transfers and standing orders."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.AWAITING_PAYMENT,
        db_index=True,
    )
    joined = models.DateField(_("joined"), default=timezone.localdate)
    current_period_end = models.DateField(
        _("current period ends"), null=True, blank=True, db_index=True
    )
    # The latest consent of each kind, for filtering; Consent keeps the history.
    bulletin_consent = models.BooleanField(_("bulletin by email"), default=False)
    events_consent = models.BooleanField(_("news of events"), default=False)
    language = language_field()
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="member_email_unique")
        ]
        permissions = [
            ("export_member", _("Can export members")),
            ("import_member", _("Can import members")),
        ]

    def __str__(self):
        if self.organisation:
            return f"{self.organisation} ({self.name})"
        return self.name

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        stored = getattr(self, "_stored_email", None)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        saved_email = update_fields is None or "email" in update_fields
        if saved_email:
            self._stored_email = self.email
        if stored and saved_email and self.email != stored and not self.erased_at:
            # Apps above members follow it (the bulletin's subscriber rows),
            # however the change came: the member, the desk, an import.
            email_changed.send(sender=Member, member=self, old=stored, new=self.email)

    # The address as stored, to tell when save() changes it.
    @classmethod
    def from_db(cls, db, field_names, values):
        member = super().from_db(db, field_names, values)
        member._stored_email = member.__dict__.get("email")
        return member

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._stored_email = self.__dict__.get("email")

    @property
    def postal_address(self):
        lines = [
            self.address_line_1,
            self.address_line_2,
            self.town,
            self.county,
            self.postcode,
            self.country.name if self.country else "",
        ]
        return "\n".join(line for line in lines if line)

    @property
    def gift_aid_declaration(self):
        """The declaration in force, if any."""
        return (
            self.gift_aid_declarations.filter(cancelled_at__isnull=True)
            .order_by("-declared_at")
            .first()
        )

    def record_consent(self, kind, given, wording, version, source, when=None):
        """Record a consent decision and keep the member's current flags in step."""
        consent = Consent.objects.create(
            member=self,
            kind=kind,
            given=given,
            wording=wording,
            wording_version=version,
            source=source,
            recorded_at=when or timezone.now(),
        )
        field = Consent.Kind(kind).member_field
        if getattr(self, field) != given:
            setattr(self, field, given)
            self.save(update_fields=[field, "updated_at"])
        # Apps above members follow it (the bulletin's subscriber list).
        consent_recorded.send(sender=Member, member=self, consent=consent)
        return consent

    @transaction.atomic
    def record_payment(self, amount, date, method, reference="", recorded_by=None):
        """Record a payment, which activates or renews the membership for a year.

        A payment made while the membership is current extends it from its end;
        one made after a lapse (or the first one) starts a new year on the day
        of payment.
        """
        member = Member.objects.select_for_update().get(pk=self.pk)
        if member.current_period_end and member.current_period_end >= date:
            start = member.current_period_end + datetime.timedelta(days=1)
        else:
            start = date
        end = start + relativedelta(years=1) - datetime.timedelta(days=1)
        payment = Payment.objects.create(
            member=member,
            date=date,
            amount=amount,
            method=method,
            reference=reference or member.payment_reference,
            period_start=start,
            period_end=end,
            recorded_by=recorded_by,
        )
        member.current_period_end = end
        member.status = Member.Status.ACTIVE
        member.save(update_fields=["current_period_end", "status", "updated_at"])
        self.refresh_from_db()
        return payment


class Consent(models.Model):
    """One consent decision, with the wording it was given under."""

    class Kind(models.TextChoices):
        BULLETIN = "bulletin", _("The bulletin by email")
        EVENTS = "events", _("News of events")

        @property
        def member_field(self):
            return {"bulletin": "bulletin_consent", "events": "events_consent"}[
                self.value
            ]

    class Source(models.TextChoices):
        JOIN_FORM = "join-form", _("Join form")
        MEMBER = "member", _("The member, online")
        SECRETARY = "secretary", _("Membership secretary")
        UNSUBSCRIBE = "unsubscribe", _("Unsubscribe link")
        IMPORT = "import", _("Import")

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("consent to"), max_length=20, choices=Kind.choices)
    given = models.BooleanField(_("given"))
    wording = models.TextField(_("wording shown"))
    wording_version = models.CharField(_("wording version"), max_length=20)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_kind_display()}: {'yes' if self.given else 'no'}"


class GiftAidDeclaration(models.Model):
    """A Gift Aid declaration, kept with its exact wording and date (HMRC)."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="gift_aid_declarations"
    )
    wording = models.TextField(_("wording"))
    wording_version = models.CharField(_("wording version"), max_length=20)
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["-declared_at"]
        verbose_name = _("Gift Aid declaration")
        verbose_name_plural = _("Gift Aid declarations")

    def __str__(self):
        return f"Gift Aid {self.declared_at:%d/%m/%Y}"


class Payment(models.Model):
    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="payments",
        help_text=_("Empty once the member's personal data has been erased."),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    amount = models.DecimalField(_("amount (GBP)"), max_digits=8, decimal_places=2)
    method = models.CharField(_("method"), max_length=20, choices=PaymentMethod.choices)
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self):
        return f"£{self.amount} on {self.date:%d/%m/%Y}"


class JoinApplication(models.Model):
    """A join form awaiting confirmation by email (double opt-in).

    Holds what the applicant typed until they confirm; then a Member is made
    and the application deleted. Unconfirmed ones are purged after 30 days.
    """

    email = EmailAddressField(_("email"), max_length=254, db_index=True)
    data = models.JSONField(_("form data"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join application")
        verbose_name_plural = _("join applications")

    def __str__(self):
        return f"{self.email} ({self.created_at:%d/%m/%Y})"


class RenewalReminder(models.Model):
    """A reminder sent (or being sent) for one member's period end: at most one
    of each kind per period, enforced by the database."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("30 days before the end")
        ON_DAY = "on-day", _("On the day it ends")

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="renewal_reminders"
    )
    period_end = models.DateField(_("period end"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Why the latest attempt failed, until a run sends it (psg.members.renewals).
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("renewal reminder")
        verbose_name_plural = _("renewal reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "period_end", "kind"], name="one_reminder_per_period"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.period_end})"


class ErasureLog(models.Model):
    """That an erasure happened, with no personal data."""

    member_number = models.PositiveIntegerField(_("member number"))
    erased_at = models.DateTimeField(_("erased"), default=timezone.now)
    requested_by = models.CharField(
        _("requested by"),
        max_length=20,
        choices=[("member", _("The member")), ("secretary", _("Membership secretary"))],
    )

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self):
        return f"Member {self.member_number} erased {self.erased_at:%d/%m/%Y}"
