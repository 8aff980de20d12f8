"""Factories for bulletin subscribers (editions have their own)."""

import factory

from django.utils import timezone

from psg.bulletin.models import BulletinSeries, Subscriber, Subscription


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A subscribed address receiving every open series (the Update), unless
    given ``series=[...]``; one that is not subscribed receives none."""

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    name = factory.Sequence(lambda n: f"Reader {n}")
    status = Subscriber.Status.SUBSCRIBED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    @factory.post_generation
    def series(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is not None:
            chosen = extracted
        elif self.status in (Subscriber.Status.SUBSCRIBED, Subscriber.Status.BOUNCED):
            chosen = BulletinSeries.objects.filter(is_open=True)
        else:
            chosen = []
        for series in chosen:
            Subscription.objects.get_or_create(subscriber=self, series=series)
