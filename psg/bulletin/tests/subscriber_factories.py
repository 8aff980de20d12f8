"""Factories for bulletin subscribers (editions have their own)."""

import factory

from django.utils import timezone

from psg.bulletin.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    name = factory.Sequence(lambda n: f"Reader {n}")
    status = Subscriber.Status.SUBSCRIBED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
