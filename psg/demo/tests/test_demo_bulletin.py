"""The demo's bulletin: subscribers in each language and a draft of the next
Update in English and Spanish, ready to preview and to send from the admin,
the mail landing in files as with the development settings.

The demo content is loaded once for the package (conftest.py's fixtures);
each test runs in a savepoint of its own.
"""

from email import message_from_string, policy

from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Locale

from psg.bulletin.models import BulletinSeries, Delivery, Edition, Subscriber
from psg.demo import bulletin
from psg.members.languages import Language
from psg.news.models import NewsPage

from .loading import load

FILE_SEPARATOR = "\n" + "-" * 79 + "\n"


def update():
    return BulletinSeries.objects.get(slug="update")


def demo_editions():
    english = Edition.objects.get(series__slug="update", language=Language.ENGLISH)
    return english, Edition.objects.get(english_edition=english)


def test_subscribers_in_each_language_receive_the_update(demo):
    subscribers = Subscriber.objects.prefetch_related("series")
    assert subscribers.count() == len(bulletin.SUBSCRIBERS) == 7
    languages = [subscriber.language for subscriber in subscribers]
    assert languages.count(Language.ENGLISH) == 4
    assert languages.count(Language.SPANISH) == 3
    for subscriber in subscribers:
        assert subscriber.status == Subscriber.Status.SUBSCRIBED
        assert subscriber.confirmed_at is not None
        assert subscriber.name
        assert subscriber.email.rpartition("@")[2] in ("example.org", "example.com")
        assert [series.slug for series in subscriber.series.all()] == ["update"]
    assert set(Subscriber.objects.sending(update())) == set(subscribers)


def test_a_draft_of_the_next_update_in_english(demo):
    english, _spanish = demo_editions()
    assert english.status == Edition.Status.DRAFT and english.sent_at is None
    assert not english.is_legacy
    # The series' next number: the first, on a site without imported editions.
    assert english.number == 1
    assert "human rights defenders" in english.introduction
    pages = [item.page.specific for item in english.items.order_by("sort_order")]
    assert [page.slug for page in pages] == list(bulletin.EDITION.items)
    assert all(isinstance(page, NewsPage) and page.live for page in pages)
    # As the admin's form would save it: no gap, no number used twice.
    english.full_clean()


def test_its_spanish_edition_has_spanish_text_and_items(demo):
    english, spanish = demo_editions()
    assert spanish.language == Language.SPANISH
    assert (spanish.series_id, spanish.number) == (english.series_id, english.number)
    assert spanish.status == Edition.Status.DRAFT and spanish.is_ready
    assert "defensores de derechos humanos" in spanish.introduction
    spanish_locale = Locale.objects.get(language_code="es")
    expected = [
        item.page.get_translation_or_none(spanish_locale) or item.page
        for item in english.items.order_by("sort_order")
    ]
    assert [item.page for item in spanish.items.order_by("sort_order")] == expected


def test_both_preview_in_the_admin(demo, client, admin_user):
    client.force_login(admin_user)
    english, spanish = demo_editions()
    for edition, words in [
        (english, "human rights defenders"),
        (spanish, "defensores de derechos humanos"),
    ]:
        response = client.get(reverse("bulletin_editions:preview", args=[edition.pk]))
        assert response.status_code == 200
        page = response.content.decode()
        assert words in page
        for item in edition.items.all():
            assert escape(item.page.title) in page


def mail_files(folder):
    """Every message the file backend wrote into ``folder``, parsed."""
    messages = []
    for path in sorted(folder.iterdir()):
        for chunk in path.read_text().split(FILE_SEPARATOR):
            if chunk.strip():
                messages.append(message_from_string(chunk, policy=policy.default))
    return messages


def test_sending_from_the_admin_mails_each_subscriber_once_in_their_language(
    demo, client, admin_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.PSG_BULLETIN_RATE = 0
    english, spanish = demo_editions()
    client.force_login(admin_user)

    send_page = client.get(reverse("bulletin_editions:send", args=[english.pk]))
    assert "7 subscribers of Update will receive it." in send_page.content.decode()
    url = reverse("bulletin_editions:send_confirm", args=[english.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    received = {}
    for message in mail_files(tmp_path):
        received.setdefault(message["To"], []).append(message)
    assert sorted(received) == sorted(spec.email for spec in bulletin.SUBSCRIBERS)
    for spec in bulletin.SUBSCRIBERS:
        [message] = received[spec.email]
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert message["Subject"].startswith(f"Update {english.number} — ")
        if spec.language == Language.SPANISH:
            assert "defensores de derechos humanos" in text
            assert '<html lang="es">' in html
        else:
            assert "human rights defenders" in text
            assert '<html lang="en-gb">' in html
    english.refresh_from_db()
    spanish.refresh_from_db()
    assert english.status == spanish.status == Edition.Status.SENT
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 7


def test_no_new_draft_once_the_demo_edition_is_sent(demo):
    english, spanish = demo_editions()
    Edition.objects.filter(pk__in=[english.pk, spanish.pk]).update(
        status=Edition.Status.SENT
    )

    assert load() == (0, demo[0])
    assert load()[0] == 0

    assert Edition.objects.count() == 2


def test_an_editors_changes_to_the_bulletin_survive(demo):
    english, spanish = demo_editions()
    english.introduction = "<p>The editor's words.</p>"
    english.save()
    english.items.order_by("sort_order").last().delete()
    spanish.delete()
    rosa = Subscriber.objects.get(email="rosa.huaman@example.org")
    rosa.status = Subscriber.Status.UNSUBSCRIBED
    rosa.language = Language.ENGLISH
    rosa.save()
    rosa.subscriptions.all().delete()

    created, present = load()

    assert (created, present) == (0, demo[0] - 1)  # the Spanish edition is gone
    english.refresh_from_db()
    assert english.introduction == "<p>The editor's words.</p>"
    assert english.items.count() == len(bulletin.EDITION.items) - 1
    assert Edition.objects.count() == 1
    rosa.refresh_from_db()
    assert (rosa.status, rosa.language) == (
        Subscriber.Status.UNSUBSCRIBED,
        Language.ENGLISH,
    )
    assert not rosa.series.exists()


def test_deleted_demo_drafts_and_subscribers_come_back(demo):
    english, _spanish = demo_editions()
    english.delete()  # the Spanish edition goes with it
    Subscriber.objects.filter(email="owen.pritchard@example.com").delete()

    assert load()[0] == 3

    english, spanish = demo_editions()
    assert spanish.is_ready and english.items.count() == len(bulletin.EDITION.items)
    assert Subscriber.objects.filter(email="owen.pritchard@example.com").exists()


def test_a_series_with_editions_of_its_own_gets_no_demo_draft(demo):
    Edition.objects.all().delete()
    series = update()
    Edition.objects.create(series=series, number=series.next_number())

    load()

    assert Edition.objects.count() == 1


def test_a_deleted_update_series_is_made_again(demo):
    Edition.objects.all().delete()
    BulletinSeries.objects.filter(slug="update").delete()

    assert load()[0] == 3  # the series and the two editions

    series = update()
    assert series.is_open and series.is_active
    english, spanish = demo_editions()
    assert english.number == spanish.number == 1
