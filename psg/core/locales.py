"""The content languages: English (the default) and Spanish.

Pages and snippets carry a wagtail ``Locale``; these helpers name the one a
request is in without a query, so a listing filtered by language costs a join,
not an extra round trip (docs/translation-content.md).
"""

from django.conf import settings
from django.conf.urls.i18n import LocalePrefixPattern
from django.db import models
from django.urls import Resolver404, get_resolver
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant

SPANISH = "es"


def default_language():
    """The language code of the default locale ("en-gb")."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_language():
    """The content language of the active translation (the default one when
    none is active or it is not a content language)."""
    try:
        return get_supported_content_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return default_language()


def prefixed_language(path):
    """The language whose prefix begins ``path`` (``es`` for ``/es/noticias/``),
    or None: the default language has no prefix."""
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    if first in codes and first != settings.LANGUAGE_CODE:
        return first
    return None


def is_per_language(path):
    """Whether ``path`` (without a language prefix) is one of the addresses
    served in each language (``/news/``, ``/es/noticias/``), not one of those
    served once for all (``/sitemap.xml``, ``/api/v1/…``, the admin)."""
    rest = path.lstrip("/")
    for pattern in get_resolver().url_patterns:
        if isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern):
            continue
        try:
            if pattern.resolve(rest):
                return False
        except Resolver404:
            continue
    return True


def ensure_locales(locale_model):
    """Make sure the default locale is en-gb and that Spanish exists.

    A database made before the languages were set has one locale, named after
    ``LANGUAGE_CODE`` at the time; it becomes the default one if it is not
    already. ``locale_model`` is wagtail's Locale (or its historical model).
    """
    default = default_language()
    if not locale_model.objects.filter(language_code=default).exists():
        known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        strays = locale_model.objects.exclude(language_code__in=known)
        if strays.count() == 1:
            strays.update(language_code=default)
        else:
            locale_model.objects.create(language_code=default)
    locale_model.objects.get_or_create(language_code=SPANISH)


def localise_relations(instance, names):
    """Point ``instance``'s many-to-many fields ``names`` (regions, topics,
    authors) at the translations, in its own locale, of the snippets they
    point to; a snippet without one stays as it is.

    Only relations changed in memory (a form's, a copy's, a sync's) are
    looked at, so saving an untouched page costs nothing more; saving the
    instance writes them.
    """
    changed = getattr(instance, "_cluster_related_objects", {})
    for name in names:
        if name not in changed:
            continue
        chosen = list(getattr(instance, name).all())
        foreign = [item for item in chosen if item.locale_id != instance.locale_id]
        if not foreign:
            continue
        translations = {
            item.translation_key: item
            for item in type(foreign[0])._default_manager.filter(
                translation_key__in=[item.translation_key for item in foreign],
                locale_id=instance.locale_id,
            )
        }
        setattr(
            instance,
            name,
            [translations.get(item.translation_key, item) for item in chosen],
        )


class TranslatedRelationsMixin:
    """For a page whose many-to-many fields ``translated_relations`` point to
    translatable snippets: its translation points to their translations.

    wagtail-localize translates a foreign key to a translatable snippet but
    leaves many-to-many fields out; these are synchronised from the source
    (psg.core.apps adds them to the page's ``translatable_fields``) and then
    localised here, whenever the page or a revision of it is saved.
    """

    translated_relations = ()

    def full_clean(self, *args, **kwargs):
        localise_relations(self, self.translated_relations)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        localise_relations(self, self.translated_relations)
        return super().save(*args, **kwargs)


def locale_field(null=False):
    """TranslatableMixin's ``locale`` field, for the migrations that make an
    existing model translatable (nullable in their first step)."""
    return models.ForeignKey(
        "wagtailcore.locale",
        editable=False,
        null=null,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="locale",
    )
