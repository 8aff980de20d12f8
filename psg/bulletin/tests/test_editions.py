"""Editions in the admin: numbering, items, "Compose from latest", preview."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from psg.bulletin.models import BulletinSeries, Edition, EditionItem
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.events.tests.factories import EventIndexPageFactory, EventPageFactory
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.publications.tests.factories import (
    PublicationIndexPageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="pw"
    )
    client.force_login(user)
    return client


@pytest.fixture
def update():
    return BulletinSeries.objects.get(slug="update")


def edition_form(series, number, items=(), date="2024-03-01"):
    return nested_form_data(
        {
            "series": series.pk,
            "number": number,
            "date": date,
            "introduction": rich_text("This month in Peru."),
            "items": inline_formset([{"page": page.pk} for page in items], initial=0),
        }
    )


def test_the_three_series_exist():
    assert list(BulletinSeries.objects.values_list("name", flat=True)) == [
        "Newsletter",
        "Peru News",
        "Update",
    ]


def test_add_form_proposes_the_next_number(admin_client, update):
    EditionFactory(series=update, number=7)
    EditionFactory(series=update, number=8)

    response = admin_client.get(
        reverse("bulletin_editions:add") + f"?series={update.pk}"
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["number"] == 9
    assert form.initial["series"] == update.pk
    assert "Update 9" in response.content.decode()


def test_next_number_follows_imported_bulletin_numbers(update, news_index):
    NewsPageFactory(parent=news_index, bulletin_name="UPDATE", bulletin_number=119)

    assert update.next_number() == 120


def test_an_edition_is_created_with_its_items(admin_client, update, news_index):
    first = NewsPageFactory(parent=news_index, title="Mining conflict in Espinar")
    second = NewsPageFactory(parent=news_index, title="Elections in Lima")

    response = admin_client.post(
        reverse("bulletin_editions:add"), edition_form(update, 1, [first, second])
    )

    assert response.status_code == 302
    edition = Edition.objects.get(series=update, number=1)
    assert edition.status == Edition.Status.DRAFT
    assert edition.sent_at is None
    assert [item.page_id for item in edition.items.all()] == [first.pk, second.pk]


def test_a_gap_is_refused_with_a_message(admin_client, update):
    EditionFactory(series=update, number=1)

    response = admin_client.post(
        reverse("bulletin_editions:add"), edition_form(update, 3)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Update 3 would leave a gap after 1. The next number is 2."
    ]
    assert not Edition.objects.filter(number=3).exists()


def test_a_duplicate_is_refused_with_a_message(admin_client, update):
    EditionFactory(series=update, number=1)
    EditionFactory(series=update, number=2)

    response = admin_client.post(
        reverse("bulletin_editions:add"), edition_form(update, 2)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Update 2 already exists. The next free number is 3."
    ]
    assert Edition.objects.filter(series=update, number=2).count() == 1


def test_editing_an_edition_keeps_its_number_valid(admin_client, update):
    EditionFactory(series=update, number=1)
    latest = EditionFactory(series=update, number=2)
    url = reverse("bulletin_editions:edit", args=[latest.pk])

    response = admin_client.post(url, edition_form(update, 2, date="2024-04-02"))

    assert response.status_code == 302
    latest.refresh_from_db()
    assert latest.date == datetime.date(2024, 4, 2)


def test_numbers_are_per_series(admin_client, update):
    EditionFactory(series=update, number=1)
    peru_news = BulletinSeries.objects.get(slug="peru-news")

    response = admin_client.post(
        reverse("bulletin_editions:add"), edition_form(peru_news, 1)
    )

    assert response.status_code == 302
    assert Edition.objects.filter(series=peru_news, number=1).exists()


def test_an_item_must_be_news_a_publication_or_an_event(
    admin_client, update, home_page
):
    response = admin_client.post(
        reverse("bulletin_editions:add"), edition_form(update, 1, [home_page])
    )

    assert response.status_code == 200
    formset = response.context["form"].formsets["items"]
    assert "Choose a news item, a publication or an event" in str(formset.errors)
    assert not Edition.objects.exists()


def test_listing_shows_series_number_date_and_status(admin_client, update):
    EditionFactory(series=update, number=4, date=datetime.date(2024, 5, 6))

    response = admin_client.get(reverse("bulletin_editions:index"))

    html = " ".join(response.content.decode().split())
    headings = [str(c.label) for c in response.context["table"].columns.values()]
    assert headings[:4] == ["Series", "Number", "Date", "Status"]
    assert "Update" in html
    assert "> 4 <" in html or ">4<" in html
    assert "Draft" in html
    assert reverse("bulletin_editions:preview", args=[Edition.objects.get().pk]) in html


def test_preview_shows_a_draft_as_readers_will_see_it(
    admin_client, client, update, news_index
):
    page = NewsPageFactory(parent=news_index, title="Water protests in Arequipa")
    edition = EditionFactory(series=update, number=5)
    EditionItemFactory(edition=edition, page=page)

    response = admin_client.get(reverse("bulletin_editions:preview", args=[edition.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Water protests in Arequipa" in html
    assert "Preview:" in html
    assert "no-store" in response["Cache-Control"]


def test_preview_needs_an_editor(client, update, site):
    edition = EditionFactory(series=update, number=5)

    response = client.get(reverse("bulletin_editions:preview", args=[edition.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


class TestComposeFromLatest:
    @pytest.fixture
    def indexes(self, home_page):
        return (
            NewsIndexPageFactory(parent=home_page),
            PublicationIndexPageFactory(parent=home_page),
            EventIndexPageFactory(parent=home_page),
        )

    def published(self, page, days_ago):
        page.first_published_at = timezone.now() - datetime.timedelta(days=days_ago)
        page.save(update_fields=["first_published_at"])
        return page

    def test_fills_in_what_was_published_since_the_previous_edition(
        self, admin_client, update, indexes
    ):
        news_index, publication_index, event_index = indexes
        today = timezone.localdate()
        EditionFactory(
            series=update, number=1, date=today - datetime.timedelta(days=10)
        )
        edition = EditionFactory(series=update, number=2, date=today)
        old = self.published(NewsPageFactory(parent=news_index, title="Old"), 20)
        event = self.published(
            EventPageFactory(parent=event_index, title="Film night"), 5
        )
        report = self.published(
            PublicationPageFactory(parent=publication_index, title="Report"), 6
        )
        later_news = self.published(
            NewsPageFactory(parent=news_index, title="Later news"), 2
        )
        earlier_news = self.published(
            NewsPageFactory(parent=news_index, title="Earlier news"), 8
        )
        listed = self.published(
            NewsPageFactory(parent=news_index, title="Already listed"), 3
        )
        EditionItemFactory(edition=edition, page=listed, sort_order=0)
        draft = self.published(NewsPageFactory(parent=news_index, title="Draft"), 1)
        draft.live = False
        draft.save(update_fields=["live"])

        response = admin_client.post(
            reverse("bulletin_editions:compose", args=[edition.pk]), follow=True
        )

        titles = [item.page.title for item in edition.items.select_related("page")]
        assert titles == [
            "Already listed",
            "Earlier news",
            "Later news",
            "Report",
            "Film night",
        ]
        assert old.title not in titles
        assert event.pk and report.pk and later_news.pk and earlier_news.pk
        assert "Added 4 items published since the previous edition." in (
            response.content.decode()
        )

    def test_without_a_previous_edition_looks_back_thirty_days(self, update, indexes):
        news_index = indexes[0]
        edition = EditionFactory(series=update, number=1)
        self.published(NewsPageFactory(parent=news_index, title="Recent"), 29)
        self.published(NewsPageFactory(parent=news_index, title="Too old"), 31)

        added = edition.compose_from_latest()

        assert [page.title for page in added] == ["Recent"]
        assert EditionItem.objects.filter(edition=edition).count() == 1

    def test_twice_adds_nothing_more(self, update, indexes):
        news_index = indexes[0]
        edition = EditionFactory(series=update, number=1)
        self.published(NewsPageFactory(parent=news_index), 1)

        assert len(edition.compose_from_latest()) == 1
        assert edition.compose_from_latest() == []
        assert edition.items.count() == 1

    def test_needs_a_post(self, admin_client, update):
        edition = EditionFactory(series=update, number=1)

        response = admin_client.get(
            reverse("bulletin_editions:compose", args=[edition.pk])
        )

        assert response.status_code == 405
