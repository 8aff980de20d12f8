"""Subscriptions per series: which series are open, who an edition goes to,
and choosing series on the sign-up form."""

import importlib
import re
import time

import pytest

from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from psg.bulletin import subscriptions
from psg.bulletin.models import (
    BulletinSeries,
    Delivery,
    Edition,
    Subscriber,
    Subscription,
)
from psg.bulletin.sending import recipients, run_batch, start_sending
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.core.forms import started_token
from psg.core.tests.helpers import page_text, text_of
from psg.members.tokens import make_token
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory

from .subscriber_factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE_URL = "/bulletin/subscribe/"
CONFIRM_LINK = re.compile(
    r"http://testserver((?:/es)?/bulletin/subscribe/confirm/[^/\s\"<]+/)"
)


@pytest.fixture
def update():
    return BulletinSeries.objects.get(slug="update")


@pytest.fixture
def peru_news():
    return BulletinSeries.objects.get(slug="peru-news")


@pytest.fixture
def both_open(peru_news):
    """Peru News reopened beside the Update."""
    peru_news.is_open = True
    peru_news.save()
    return peru_news


def subscribe(client, **data):
    form = {
        "email": "lucia@example.org",
        "name": "Lucía",
        "website": "",
        "started": started_token(time.time() - 30),
        **data,
    }
    return client.post(SUBSCRIBE_URL, form)


def confirm_path(received):
    match = CONFIRM_LINK.search(text_of(received))
    assert match, text_of(received)
    return match.group(1)


def series_of(subscriber):
    return sorted(subscriber.series.values_list("slug", flat=True))


# Which series are open, and the migration ------------------------------------


def test_only_the_update_is_open_to_new_subscribers():
    assert list(subscriptions.open_series().values_list("slug", flat=True)) == [
        "update"
    ]
    assert set(
        BulletinSeries.objects.filter(is_open=False).values_list("slug", flat=True)
    ) == {"peru-news", "newsletter"}


def test_the_migration_gives_everyone_receiving_the_bulletin_the_open_series(
    update, peru_news
):
    BulletinSeries.objects.update(is_open=False)
    receiving = SubscriberFactory(series=[])
    bouncing = SubscriberFactory(status=Subscriber.Status.BOUNCED, series=[])
    left = SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    waiting = SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    migration = importlib.import_module(
        "psg.bulletin.migrations.0005_open_series_and_subscriptions"
    )

    migration.subscribe_to_open_series(apps, None)
    migration.subscribe_to_open_series(apps, None)  # twice: nothing doubles

    update.refresh_from_db()
    peru_news.refresh_from_db()
    assert update.is_open and not peru_news.is_open
    assert series_of(receiving) == series_of(bouncing) == ["update"]
    assert series_of(left) == series_of(waiting) == []
    assert Subscription.objects.count() == 2
    row = receiving.subscriptions.get()
    assert row.subscribed_at == receiving.confirmed_at


# Who an edition goes to --------------------------------------------------------


def test_an_edition_goes_to_its_series_subscribers_only(update, peru_news):
    both = SubscriberFactory(series=[update, peru_news])
    update_only = SubscriberFactory(series=[update])
    news_only = SubscriberFactory(series=[peru_news])
    SubscriberFactory(status=Subscriber.Status.BOUNCED, series=[update, peru_news])
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED, series=[peru_news])

    assert set(recipients(update)) == {both, update_only}
    assert set(recipients(peru_news)) == {both, news_only}


def test_sending_an_edition_of_peru_news(
    home_page, update, peru_news, smtp_server, django_capture_on_commit_callbacks
):
    reader = SubscriberFactory(email="lector@example.org", series=[peru_news])
    SubscriberFactory(email="update@example.org", series=[update])
    edition = EditionFactory(series=peru_news, number=300)
    page = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    EditionItemFactory(edition=edition, page=page)

    with django_capture_on_commit_callbacks(execute=True):
        assert start_sending(edition) == 1

    [received] = smtp_server.messages
    assert received["to"] == ["lector@example.org"]
    unsubscribe = str(received["message"]["List-Unsubscribe"]).strip()
    assert unsubscribe == (
        f"<http://testserver/bulletin/unsubscribe/{reader.unsubscribe_token}/"
        "?series=peru-news>"
    )


def test_leaving_the_series_during_a_send_stops_it(
    edition_to_send, update, peru_news, smtp_server, django_capture_on_commit_callbacks
):
    stays = SubscriberFactory(series=[update])
    leaves = SubscriberFactory(series=[update, peru_news])
    with django_capture_on_commit_callbacks(execute=False):
        start_sending(edition_to_send)
    leaves.subscriptions.filter(series=update).delete()

    summary = run_batch(edition_to_send.pk, generation=0)

    assert summary["sent"] == 1
    assert summary["skipped"] == 1
    assert [message["to"] for message in smtp_server.messages] == [[stays.email]]
    assert Delivery.objects.get(subscriber=leaves).status == Delivery.Status.SKIPPED
    edition_to_send.refresh_from_db()
    assert edition_to_send.status == Edition.Status.SENT


def test_a_batch_checks_the_series_in_one_query(
    edition_to_send, smtp_server, django_capture_on_commit_callbacks, settings
):
    """Whether each recipient still receives the series is asked once for the
    batch: the queries of a batch do not grow with its size."""
    settings.PSG_BULLETIN_RATE = 0

    def queries_for(count, number):
        SubscriberFactory.create_batch(count)
        edition = EditionFactory(series=edition_to_send.series, number=number)
        for item in edition_to_send.items.all():
            EditionItemFactory(edition=edition, page=item.page)
        with django_capture_on_commit_callbacks(execute=False):
            start_sending(edition)
        with CaptureQueriesContext(connection) as captured:
            run_batch(edition.pk, generation=0, size=1000)
        return len(captured) - 2 * Delivery.objects.filter(edition=edition).count()

    # Each message makes its own two committed writes (claim, sent); the
    # rest of the batch's queries stay the same.
    queries_for(1, 121)  # caches filled (content types, the site)
    assert queries_for(2, 122) == queries_for(10, 123)


# Choosing series on the sign-up form ------------------------------------------


def test_with_one_open_series_the_form_offers_no_choice(client, smtp_server, update):
    form = client.get(SUBSCRIBE_URL)

    assert "Which bulletins?" not in page_text(form)
    assert 'type="checkbox"' not in form.content.decode()
    subscribe(client)
    client.post(confirm_path(smtp_server.messages[0]))
    assert series_of(Subscriber.objects.get()) == ["update"]


def test_the_open_series_are_offered_all_ticked(client, both_open):
    both_open.description = "Monthly news digest."
    both_open.save()

    response = client.get(SUBSCRIBE_URL)

    html = response.content.decode()
    assert "Which bulletins?" in page_text(response)
    boxes = re.findall(r'<input type="checkbox" name="series"[^>]*>', html)
    assert len(boxes) == 2
    assert all(" checked" in box for box in boxes)
    assert "Peru News" in page_text(response)
    assert "Monthly news digest." in page_text(response)
    assert "Newsletter" not in page_text(response)


def test_subscribing_to_the_series_chosen(client, smtp_server, both_open, update):
    subscribe(client, series=[str(both_open.pk)])
    [received] = smtp_server.messages
    assert "You asked for: Peru News." in text_of(received)
    path = confirm_path(received)
    assert "You asked for Peru News." in page_text(client.get(path))

    client.post(path)

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert series_of(subscriber) == ["peru-news"]


def test_choosing_nothing_is_a_clear_mistake(client, smtp_server, both_open):
    response = subscribe(client)

    assert response.status_code == 200
    assert "Choose at least one bulletin" in page_text(response)
    assert 'href="#id_series_0"' in response.content.decode()
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


@pytest.mark.parametrize("value", ["newsletter", "abc", "999999"])
def test_a_series_not_offered_is_refused(client, smtp_server, both_open, value):
    if value == "newsletter":
        value = str(BulletinSeries.objects.get(slug="newsletter").pk)

    response = subscribe(client, series=[value])

    assert response.status_code == 200
    assert "Choose bulletins from the list" in page_text(response)
    assert not Subscriber.objects.exists()


def test_no_open_series_means_no_form(client, smtp_server):
    BulletinSeries.objects.update(is_open=False)

    page = client.get(SUBSCRIBE_URL)
    sent = subscribe(client)

    assert page.status_code == sent.status_code == 200
    assert "not taking new subscribers" in page_text(page)
    assert "<form" not in page.content.decode().split("<main", 1)[1]
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_a_subscriber_adds_a_series_and_keeps_theirs(
    client, smtp_server, both_open, update
):
    subscriber = SubscriberFactory(email="lucia@example.org", series=[update])

    subscribe(client, series=[str(update.pk), str(both_open.pk)])
    [received] = smtp_server.messages
    assert "already" not in text_of(received)
    client.post(confirm_path(received))

    subscriber.refresh_from_db()
    assert series_of(subscriber) == ["peru-news", "update"]
    assert Subscriber.objects.count() == 1


def test_asking_for_what_one_already_gets_says_so(client, smtp_server, update):
    SubscriberFactory(email="lucia@example.org", series=[update])

    subscribe(client)

    [received] = smtp_server.messages
    assert "already subscribed" in text_of(received)
    assert "It receives: Update." in text_of(received)
    assert not CONFIRM_LINK.search(text_of(received))


def test_a_link_sent_before_series_could_be_chosen_gives_the_open_series(
    client, update
):
    subscriber = SubscriberFactory(
        status=Subscriber.Status.PENDING, confirmed_at=None, series=[]
    )
    old_token = make_token(
        subscriptions.SUBSCRIBE_SALT,
        {"s": subscriber.pk, "c": subscriptions._address_check(subscriber.email)},
    )

    client.post(f"/bulletin/subscribe/confirm/{old_token}/")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert series_of(subscriber) == ["update"]


def test_a_series_closed_since_the_link_was_sent_gives_the_open_ones(
    client, smtp_server, both_open
):
    subscribe(client, series=[str(both_open.pk)])
    both_open.is_open = False
    both_open.save()

    client.post(confirm_path(smtp_server.messages[0]))

    assert series_of(Subscriber.objects.get()) == ["update"]


def test_the_sign_up_form_stays_private_and_the_archive_public(
    client, both_open, home_page
):
    form = Client().get(SUBSCRIBE_URL)
    archive = Client().get("/bulletin/")

    assert "no-store" in form["Cache-Control"]
    assert "public" in archive["Cache-Control"]
    assert not archive.cookies


def test_subscribed_since_is_kept_per_series(client, smtp_server, both_open, update):
    subscriber = SubscriberFactory(email="lucia@example.org", series=[update])
    first = subscriber.subscriptions.get().subscribed_at

    subscribe(client, series=[str(both_open.pk)])
    client.post(confirm_path(smtp_server.messages[0]))

    rows = {
        row.series.slug: row.subscribed_at for row in subscriber.subscriptions.all()
    }
    assert rows["update"] == first
    assert rows["peru-news"] > first
    assert rows["peru-news"] <= timezone.now()
