import datetime
from decimal import Decimal

import factory
from dateutil.relativedelta import relativedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from psg.core.permissions import EDITORS_GROUP, SECRETARY_GROUP
from psg.members.models import (
    Consent,
    GiftAidDeclaration,
    Member,
    MembershipType,
    Payment,
    PaymentMethod,
)


def membership_type(name="Individual"):
    """One of the types the migrations load: Individual, Concession, Organisation."""
    return MembershipType.objects.get(name=name)


class MembershipTypeFactory(factory.django.DjangoModelFactory):
    """Gets the type by name if it exists (the migrations load three)."""

    name = "Individual"
    annual_fee = Decimal("25.00")

    class Meta:
        model = MembershipType
        django_get_or_create = ("name",)


class MemberFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Member {n}")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    membership_type = factory.SubFactory(MembershipTypeFactory)
    payment_method = PaymentMethod.STANDING_ORDER

    class Meta:
        model = Member


class PaymentFactory(factory.django.DjangoModelFactory):
    """A payment row as it stands; to apply the renewal rules use
    ``member.record_payment()`` instead."""

    member = factory.SubFactory(MemberFactory)
    date = factory.LazyFunction(timezone.localdate)
    amount = Decimal("25.00")
    method = PaymentMethod.STANDING_ORDER
    reference = factory.LazyAttribute(
        lambda o: o.member.payment_reference if o.member else ""
    )
    period_start = factory.LazyAttribute(lambda o: o.date)
    period_end = factory.LazyAttribute(
        lambda o: o.period_start + relativedelta(years=1) - datetime.timedelta(days=1)
    )

    class Meta:
        model = Payment


class ConsentFactory(factory.django.DjangoModelFactory):
    """A consent row only; ``member.record_consent()`` also updates the flags."""

    member = factory.SubFactory(MemberFactory)
    kind = Consent.Kind.BULLETIN
    given = True
    wording = "Send me the PSG bulletin by email."
    wording_version = "2026-1"
    source = Consent.Source.JOIN_FORM

    class Meta:
        model = Consent


class GiftAidDeclarationFactory(factory.django.DjangoModelFactory):
    member = factory.SubFactory(MemberFactory)
    wording = "I want to Gift Aid my membership subscription."
    wording_version = "2026-1"

    class Meta:
        model = GiftAidDeclaration


def secretary_user(username="secretary"):
    """A user in the "Membership secretary" group (made by a post_migrate
    handler)."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=SECRETARY_GROUP))
    return user


def editor_user(username="editor"):
    """A user in Wagtail's "Editors" group, who must never see member data."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user
