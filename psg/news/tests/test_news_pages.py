import datetime

import pytest

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from psg.home.models import HomePage
from psg.news.models import NewsIndexPage, NewsPage, RelatedItem
from psg.news.tests.factories import AuthorFactory, NewsPageFactory
from psg.standard_pages.models import StandardPage
from psg.taxonomy.tests.factories import SeriesFactory, region, topic

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items"]]


def test_news_page_renders_its_fields(client, news_index):
    series = SeriesFactory(name="Letter from Cajamarca", slug="letter-from-cajamarca")
    page = NewsPageFactory(
        parent=news_index,
        title="Letter from Cajamarca (2): the rondas campesinas",
        date=datetime.date(2019, 3, 23),
        teaser="Hualgayoc is a cold and rather forbidding town.",
        kind=NewsPage.Kind.LETTER,
        series=series,
        body=[("paragraph", "<p>The rondas loom large in keeping order.</p>")],
        bulletin_name="Update",
        bulletin_number=119,
    )
    page.authors.add(AuthorFactory(name="Julia Urrunaga"))
    page.regions.add(region("cajamarca"))
    page.topics.add(topic("mining"))
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "<h1>Letter from Cajamarca (2): the rondas campesinas</h1>" in html
    assert '<time datetime="2019-03-23">23 March 2019</time>' in html
    assert "The rondas loom large in keeping order." in html
    assert "Julia Urrunaga" in html
    assert "Letter</p>" in html
    assert 'href="/news/series/letter-from-cajamarca/"' in html
    assert "Cajamarca</span>" in html and "Mining</span>" in html
    assert "First published in Update 119." in html
    assert '<meta name="description" content="Hualgayoc is a cold' in html
    assert f'<link rel="canonical" href="http://localhost{page.url}">' in html


def test_news_page_without_body_shows_its_teaser(client, news_index):
    page = NewsPageFactory(parent=news_index, teaser="Only a teaser survives.")
    assert "Only a teaser survives." in client.get(page.url).content.decode()


def test_partial_and_missing_dates_are_shown_as_known(client, news_index):
    month = NewsPageFactory(
        parent=news_index, date=datetime.date(2009, 4, 1), date_precision="month"
    )
    undated = NewsPageFactory(parent=news_index, date=None)
    html = client.get("/news/").content.decode()
    assert '<time datetime="2009-04">April 2009</time>' in html
    assert undated.title in html
    assert client.get(month.url).status_code == 200
    assert client.get(undated.url).status_code == 200


def test_news_index_lists_newest_first_ten_a_page(client, news_index):
    for day in range(1, 26):
        NewsPageFactory(
            parent=news_index, title=f"Day {day}", date=datetime.date(2019, 3, day)
        )
    NewsPageFactory(parent=news_index, title="Undated", date=None)

    first = client.get("/news/")
    assert titles(first) == [f"Day {day}" for day in range(25, 15, -1)]
    html = first.content.decode()
    assert "Page 1 of 3" in html and 'href="?page=2"' in html

    last = client.get("/news/?page=3")
    assert titles(last) == [f"Day {day}" for day in range(5, 0, -1)] + ["Undated"]


@pytest.mark.parametrize("value", ["abc", "", "0", "-1", "1.5", "%00", "9" * 40])
def test_news_index_odd_page_numbers_answer_sensibly(client, news_index, value):
    for day in range(1, 13):
        NewsPageFactory(parent=news_index, date=datetime.date(2019, 3, day))
    response = client.get("/news/", {"page": value})
    assert response.status_code == 200
    assert len(response.context["items"]) in (10, 2)


def test_news_index_page_past_the_end_shows_the_last_page(client, news_index):
    for day in range(1, 13):
        NewsPageFactory(parent=news_index, date=datetime.date(2019, 3, day))
    response = client.get("/news/?page=99")
    assert response.status_code == 200
    assert response.context["items"].number == 2


def test_draft_and_private_items_are_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, title="Published")
    draft = NewsPageFactory(parent=news_index, title="Draft")
    draft.unpublish()
    assert titles(client.get("/news/")) == ["Published"]


def test_series_page_lists_its_letters_in_order(client, news_index):
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    for number, day in ((2, 20), (1, 5), (3, 28)):
        NewsPageFactory(
            parent=news_index,
            title=f"Letter from Puno ({number})",
            date=datetime.date(2019, 2, day),
            series=series,
        )
    NewsPageFactory(parent=news_index, title="Not in the series")

    response = client.get("/news/series/letter-from-puno/")

    assert response.status_code == 200
    assert titles(response) == [f"Letter from Puno ({n})" for n in (1, 2, 3)]
    assert "<h1>Letter from Puno</h1>" in response.content.decode()
    assert client.get("/news/series/no-such-series/").status_code == 404


def test_related_items_show_only_live_pages(client, news_index):
    page = NewsPageFactory(parent=news_index)
    shown = NewsPageFactory(parent=news_index, title="Shown related")
    hidden = NewsPageFactory(parent=news_index, title="Unpublished related")
    hidden.unpublish()
    page.related_items = [RelatedItem(page=shown), RelatedItem(page=hidden)]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Shown related" in html
    assert "Unpublished related" not in html


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (NewsIndexPage, HomePage, True),
        (NewsIndexPage, StandardPage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, HomePage, False),
        (NewsPage, StandardPage, False),
        (NewsPage, NewsPage, False),
    ],
)
def test_news_pages_live_only_under_their_parents(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_only_one_news_index(home_page, news_index):
    assert not NewsIndexPage.can_create_at(home_page)


def test_editor_creates_a_news_page_in_the_admin(admin_client, news_index):
    url = f"/admin/pages/add/news/newspage/{news_index.pk}/"
    data = nested_form_data(
        {
            "title": "Exit Villanueva as prime minister",
            "slug": "exit-villanueva",
            "date": "2019-03-11",
            "date_precision": "day",
            "kind": "news",
            "teaser": "César Villanueva resigned as president of the Council.",
            "body": streamfield(
                [("paragraph", rich_text("<p>It remains moot whether he jumped.</p>"))]
            ),
            "related_items": inline_formset([]),
            "action-publish": "publish",
        }
    )
    # Multiple-choice fields post one value per choice, beside the nested data.
    data["regions"] = [region("lima-province").pk]
    data["topics"] = [topic("political-reform").pk]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = NewsPage.objects.get(slug="exit-villanueva")
    assert page.live
    assert page.date == datetime.date(2019, 3, 11)
    assert [r.slug for r in page.regions.all()] == ["lima-province"]


def test_teaser_over_300_characters_is_refused_with_a_message(admin_client, news_index):
    url = f"/admin/pages/add/news/newspage/{news_index.pk}/"
    data = nested_form_data(
        {
            "title": "Too long",
            "slug": "too-long",
            "date": "2019-03-11",
            "date_precision": "day",
            "kind": "news",
            "teaser": "x" * 301,
            "body": streamfield([]),
            "related_items": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "teaser" in response.context["form"].errors
    assert not Page.objects.filter(slug="too-long").exists()
