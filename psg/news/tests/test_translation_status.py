"""What the editor of a page reads about its translation, in the Status side
panel under the page's locale (Wagtail's editor and wagtail-localize's
translation editor alike): the languages it is in, and whether the other
language's version is missing, up to date or out of date."""

import re

import pytest
from wagtail_localize.models import Translation

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import Locale

from psg.core.permissions import EDITORS_GROUP
from psg.core.translation_status import MISSING, OUTDATED, UP_TO_DATE, other_languages

from .factories import NewsPageFactory
from .test_translation import editor_in, translate, without_tags

pytestmark = pytest.mark.django_db

STATUS = re.compile(r'<section[^>]*data-translation-status="[^"]*".*?</section>', re.S)
LINK = re.compile(r'<a [^>]*href="([^"]+)"')


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def editor(client):
    client.force_login(editor_in(EDITORS_GROUP))
    return client


@pytest.fixture
def item(news_index):
    page = NewsPageFactory(parent=news_index, title="Water in Puno")
    page.save_revision().publish()
    return page


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def translation_status_seen(client, page):
    """The translation status in the side panel of ``page``'s editor: its
    text, and the links it offers."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    # wagtail-localize's translation editor renders the side panels twice.
    sections = list(dict.fromkeys(STATUS.findall(response.content.decode())))
    return (
        " | ".join(without_tags(section) for section in sections),
        [href for section in sections for href in LINK.findall(section)],
    )


def test_an_untranslated_page_says_it_has_no_spanish_translation(editor, item):
    text, links = translation_status_seen(editor, item)
    assert text == "Translation: No Spanish translation Languages: English Translate"
    assert links == [
        reverse("wagtail_localize:submit_page_translation", args=[item.pk])
    ]


def test_only_who_may_translate_is_offered_translate(editor, item):
    Group.objects.get(name=EDITORS_GROUP).permissions.remove(
        Permission.objects.get(codename="submit_translation")
    )
    text, links = translation_status_seen(editor, item)
    assert text == "Translation: No Spanish translation Languages: English"
    assert links == []


def test_a_fresh_translation_is_up_to_date_on_both_sides(editor, item, spanish):
    source, translation = translate(item, spanish)
    Translation.objects.create(source=source, target_locale=spanish)
    text, links = translation_status_seen(editor, item)
    assert (
        text == "Translation: Up to date Languages: English, Español Edit translation"
    )
    assert links == [edit_url(translation)]
    # The translation opens in wagtail-localize's editor, which shows the same
    # side panel, and leads back to its source.
    assert "js-translation-editor" in editor.get(edit_url(translation)).content.decode()
    text, links = translation_status_seen(editor, translation)
    assert text == "Translation: Up to date Languages: English, Español Edit source"
    assert links == [edit_url(item)]


def test_a_change_to_the_source_puts_its_translation_out_of_date(editor, item, spanish):
    source, translation = translate(item, spanish)
    item.title = "Water and mining in Puno"
    item.save_revision()
    assert "Translation out of date" in translation_status_seen(editor, item)[0]
    assert "Translation out of date" in translation_status_seen(editor, translation)[0]

    # "Sync translated pages" brings the translation up to date.
    source.update_from_db()
    source.create_or_update_translation(spanish, fallback=True)
    assert "Up to date" in translation_status_seen(editor, item)[0]
    assert "Up to date" in translation_status_seen(editor, translation)[0]


def test_a_spanish_only_page_says_it_has_no_english_version(
    editor, news_index, spanish
):
    _source, spanish_index = translate(news_index, spanish)
    letter = NewsPageFactory(parent=spanish_index, title="Carta de Cajamarca")
    text, links = translation_status_seen(editor, letter)
    assert text == "Translation: No English version Languages: Español Translate"
    assert links == [
        reverse("wagtail_localize:submit_page_translation", args=[letter.pk])
    ]


def test_a_pair_made_by_hand_is_out_of_date_when_the_english_is_newer(item, spanish):
    copy = item.copy_for_translation(spanish, copy_parents=True)
    copy.save_revision()
    [other] = other_languages(copy)[1]
    assert (other.language, other.status, other.is_source) == (
        "en-gb",
        UP_TO_DATE,
        True,
    )
    item.save_revision()
    [other] = other_languages(copy)[1]
    assert other.status == OUTDATED
    [other] = other_languages(item)[1]
    assert (other.language, other.status, other.is_source) == ("es", OUTDATED, False)
    assert other.version.pk == copy.pk


def test_the_status_costs_the_editor_one_query(item, django_assert_num_queries):
    with django_assert_num_queries(1):
        versions, others = other_languages(item)
    assert [version.locale.language_code for version in versions] == ["en-gb"]
    assert [(other.language, other.status) for other in others] == [("es", MISSING)]


def test_a_new_page_shows_no_status(editor, news_index):
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    response = editor.get(url)
    assert response.status_code == 200
    assert not STATUS.findall(response.content.decode())
