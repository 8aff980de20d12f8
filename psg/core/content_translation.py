"""Translations made in code as wagtail-localize's "Translate" makes them.

A page or snippet's translation is made from a wagtail-localize translation
source, with the given translated strings recorded in its translation memory
(one ``StringTranslation`` per string segment), so editors find each string
as translated in the translation editor, and "Sync translated pages" keeps
them. Used by the Spanish tree (psg.home.spanish) and the demo content.

A page's links to other pages are copied as they are (the English pages
chosen); ``pages_in_locale`` gives their versions in the page's language.

Strings are matched by their plain text: a segment's source text (a title,
a slug, a paragraph, a heading, a caption…) is looked up in a mapping of
source texts to their translations. A segment with no translation in the
mapping stays in the source language and shows as untranslated.
"""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from wagtail.models import Page


def create_translation(instance, locale, strings):
    """``instance``'s translation into ``locale``, made once: a page is
    published, a snippet saved. ``strings`` maps the source texts of its
    string segments to their translations (plain text; a newline is a line
    break). An existing translation is returned as it is, whatever it says.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific if isinstance(existing, Page) else existing
    # The source as the instance is now, not as an earlier translation saw it.
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related(
        "context", "string"
    ):
        text = StringValue(segment.string.data).render_text()
        if text not in strings:
            continue
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(strings[text]).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    is_page = isinstance(instance, Page)
    translated, _created = source.create_or_update_translation(
        locale, publish=not is_page, fallback=True
    )
    if is_page:
        # Published now, not when the transaction commits (as publish=True does).
        translated.get_latest_revision().publish()
        translated = translated.specific
        translated.refresh_from_db()
    return translated


def untranslated_strings(instance, locale):
    """The source texts of ``instance``'s string segments that have no
    translation into ``locale`` (what the translation editor shows as still
    to translate); empty when nothing is left."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    segments = (
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .select_related("string")
        .order_by("order")
    )
    return [StringValue(segment.string.data).render_text() for segment in segments]


def pages_in_locale(pages, locale_id):
    """``pages`` (plain ``Page`` objects), each in place of its live
    translation in ``locale_id`` where it has one: a Spanish page's links to
    pages chosen in English lead to their Spanish versions. One query, none
    when every page is in that locale already."""
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not keys:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale_id=locale_id
        )
    }
    return [
        translations.get(page.translation_key, page)
        if page.locale_id != locale_id
        else page
        for page in pages
    ]
