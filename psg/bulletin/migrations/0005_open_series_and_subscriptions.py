"""The Update is open to new subscribers (Peru News and the Newsletter, from
the old site, are not), and everyone who was receiving the bulletin receives
every open series.

Bouncing addresses get the open series too: they receive nothing while they
bounce, and receive what they did before once the secretary clears them.
"""

from django.db import migrations
from django.utils import timezone

OPEN_SERIES = ["update"]
RECEIVING = ["subscribed", "bounced"]


def subscribe_to_open_series(apps, schema_editor):
    BulletinSeries = apps.get_model("bulletin", "BulletinSeries")
    Subscriber = apps.get_model("bulletin", "Subscriber")
    Subscription = apps.get_model("bulletin", "Subscription")
    BulletinSeries.objects.filter(slug__in=OPEN_SERIES).update(is_open=True)
    now = timezone.now()
    open_series = list(BulletinSeries.objects.filter(is_open=True))
    subscribers = Subscriber.objects.filter(status__in=RECEIVING).values_list(
        "pk", "confirmed_at"
    )
    for series in open_series:
        Subscription.objects.bulk_create(
            (
                Subscription(
                    subscriber_id=pk, series=series, subscribed_at=confirmed_at or now
                )
                for pk, confirmed_at in subscribers.iterator()
            ),
            batch_size=1000,
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("bulletin", "0004_series_subscriptions_send_permission")]

    operations = [
        # Going back, the rows go with the model (the migration before this).
        migrations.RunPython(subscribe_to_open_series, migrations.RunPython.noop),
    ]
