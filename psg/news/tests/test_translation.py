"""A news item translated into Spanish with wagtail-localize: its Spanish page
points to the Spanish regions, topics and authors; the report shows what is
untranslated or out of date; only editors see it."""

import re

import pytest
from wagtail_localize.models import Translation, TranslationSource

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale

from psg.core.permissions import EDITORS_GROUP, SECRETARY_GROUP
from psg.core.translation_status import MISSING, OUTDATED, translation_status
from psg.taxonomy.tests.factories import carrying

from .factories import AuthorFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations/"


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def item(news_index):
    page = NewsPageFactory(parent=news_index, title="Water in Puno")
    page.authors.add(AuthorFactory(name="Ana", role="Researcher"))
    return carrying(page, regions=["puno"], topics=["water"])


def translate(page, locale):
    """What "Translate this page" does: the source, then its translation
    (with copies of the parents, and the English text until translated)."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.create_or_update_translation(locale, copy_parent_pages=True, fallback=True)
    return source, page.get_translation(locale)


def test_the_spanish_page_points_to_spanish_regions_and_topics(item, spanish):
    _source, translation = translate(item, spanish)
    translation = translation.specific
    assert translation.locale == spanish
    assert [(r.slug, r.locale_id) for r in translation.regions.all()] == [
        ("puno", spanish.pk)
    ]
    assert [(t.name, t.locale_id) for t in translation.topics.all()] == [
        ("Agua", spanish.pk)
    ]
    # The English item is unchanged.
    assert [t.name for t in item.topics.all()] == ["Water"]


def test_an_author_without_a_translation_stays_as_chosen(item, spanish):
    _source, translation = translate(item, spanish)
    assert [a.name for a in translation.specific.authors.all()] == ["Ana"]


def test_syncing_brings_a_new_region_over_in_spanish(item, spanish):
    source, translation = translate(item, spanish)
    carrying(item, regions=["cusco"])
    item.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(spanish, fallback=True)
    translation = translation.specific_class.objects.get(pk=translation.pk)
    assert sorted(r.slug for r in translation.regions.all()) == ["cusco", "puno"]
    assert {r.locale_id for r in translation.regions.all()} == {spanish.pk}


def test_a_source_change_marks_its_translation_outdated(item, spanish):
    item.save_revision().publish()
    assert translation_status(item) == MISSING
    source, _translation = translate(item, spanish)
    assert translation_status(item) is None

    item.title = "Water and mining in Puno"
    item.save_revision()
    assert translation_status(item) == OUTDATED

    # "Sync translated pages" brings the translation up to date.
    source.update_from_db()
    source.create_or_update_translation(spanish, fallback=True)
    assert translation_status(item) is None


def test_a_page_may_exist_in_spanish_only(news_index, spanish):
    _source, spanish_index = translate(news_index, spanish)
    letter = NewsPageFactory(parent=spanish_index, title="Carta de Cajamarca")
    assert letter.locale == spanish
    assert translation_status(letter) == MISSING


def editor_in(group):
    user = get_user_model().objects.create_user(group, password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def page_text(response):
    return " ".join(response.content.decode().split())


def without_tags(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_report_lists_what_editors_must_translate(client, item, spanish):
    untranslated = NewsPageFactory(parent=item.get_parent(), title="Only English")
    translate(item, spanish)
    item.title = "Water and mining in Puno"
    item.save_revision()

    client.force_login(editor_in(EDITORS_GROUP))
    text = page_text(client.get(REPORT))
    assert "Translations to do" in text
    assert "Only English English No translation" in without_tags(text)
    assert "Water in Puno" in text  # the published title, now out of date
    assert "Translation out of date" in text
    translation = item.get_translation(spanish)
    assert reverse("wagtailadmin_pages:edit", args=[translation.pk]) in text
    assert untranslated.title in text


def test_an_up_to_date_translation_is_not_listed(client, item, spanish):
    translate(item, spanish)
    client.force_login(editor_in(EDITORS_GROUP))
    text = page_text(client.get(REPORT))
    assert "Water in Puno" not in text


def test_the_report_is_for_editors_only(client, item):
    client.force_login(editor_in(SECRETARY_GROUP))
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    menu = page_text(client.get("/admin/"))
    assert "Translations to do" not in menu


def test_translate_this_page_in_the_admin_then_po_export(admin_client, item, spanish):
    """The editor's own way: "Translate this page", the side-by-side editor,
    and a PO file for a volunteer translator."""
    url = reverse("wagtail_localize:submit_page_translation", args=[item.pk])
    response = admin_client.post(url, {"locales": [spanish.pk], "include_subtree": ""})
    assert response.status_code == 302
    translation = item.get_translation(spanish)
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert editor.status_code == 200
    assert "Water in Puno" in editor.content.decode()

    job = Translation.objects.get(source__object_id=item.translation_key)
    po = admin_client.get(reverse("wagtail_localize:download_pofile", args=[job.pk]))
    assert po.status_code == 200
    assert 'msgid "Water in Puno"' in po.content.decode()
