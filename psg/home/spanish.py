"""The Spanish site's tree: the home page's Spanish translation (the root of
``/es/``) and the sections under it, with Spanish titles and slugs.

Made with wagtail-localize as "Translate" in the admin makes it, so editors
find each of them in the translation editor and "Sync translated pages"
keeps the Spanish titles and slugs given here (they are recorded as the
translations of the title and slug strings). What exists already is kept:
running it again changes nothing.
"""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from django.db import transaction

from wagtail.models import Locale

from psg.core.locales import SPANISH
from psg.core.site_structure import home_page
from psg.events.models import EventIndexPage
from psg.news.models import NewsIndexPage
from psg.publications.models import PublicationIndexPage
from psg.taxonomy.pages import RegionIndexPage, TopicIndexPage

from .models import HomePage

# Each page type's Spanish title and slug (content, not interface text: the
# editors may change them in the translation editor like any other).
SPANISH_NAMES = {
    HomePage: ("Inicio", "inicio"),
    NewsIndexPage: ("Noticias", "noticias"),
    PublicationIndexPage: ("Publicaciones", "publicaciones"),
    EventIndexPage: ("Eventos", "eventos"),
    RegionIndexPage: ("Regiones", "regiones"),
    TopicIndexPage: ("Temas", "temas"),
}


def translate_page(page, locale, title, slug):
    """``page``'s translation into ``locale``, made and published once, with
    ``title`` and ``slug`` as the translations of its own."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    wanted = {"title": title, "slug": slug}
    for segment in StringSegment.objects.filter(
        source=source, context__path__in=wanted
    ).select_related("context"):
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=locale,
            context=segment.context,
            defaults={
                "data": wanted[segment.context.path],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translated, _created = source.create_or_update_translation(
        locale, publish=False, fallback=True
    )
    # Published now, not when the transaction commits (as publish=True does).
    translated.get_latest_revision().publish()
    return translated.specific


@transaction.atomic
def ensure_spanish_tree():
    """The Spanish home page and the Spanish sections, made if absent from
    the English ones. Returns the Spanish home page."""
    spanish = Locale.objects.get(language_code=SPANISH)
    english_home = home_page()
    spanish_home = translate_page(english_home, spanish, *SPANISH_NAMES[HomePage])
    for section in english_home.get_children().live().specific():
        names = SPANISH_NAMES.get(type(section))
        if names is not None:
            translate_page(section, spanish, *names)
    return spanish_home
