"""Factories for bulletin series and editions."""

import datetime

import factory

from psg.bulletin.models import BulletinSeries, Edition, EditionItem


class BulletinSeriesFactory(factory.django.DjangoModelFactory):
    """A series; "update", "peru-news" and "newsletter" exist from the migrations."""

    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")

    class Meta:
        model = BulletinSeries
        django_get_or_create = ("slug",)


class EditionFactory(factory.django.DjangoModelFactory):
    series = factory.SubFactory(BulletinSeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2024, 3, 1)
    introduction = "<p>Welcome to this edition.</p>"
    status = Edition.Status.DRAFT

    class Meta:
        model = Edition


class EditionItemFactory(factory.django.DjangoModelFactory):
    edition = factory.SubFactory(EditionFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = EditionItem
