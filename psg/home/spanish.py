"""The Spanish site's tree: the home page's Spanish translation (the root of
``/es/``) and the sections under it, with Spanish titles and slugs.

Made with wagtail-localize as "Translate" in the admin makes it, so editors
find each of them in the translation editor and "Sync translated pages"
keeps the Spanish titles and slugs given here (they are recorded as the
translations of the title and slug strings). What exists already is kept:
running it again changes nothing.
"""

from django.db import transaction

from wagtail.models import Locale

from psg.core.content_translation import create_translation
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


@transaction.atomic
def ensure_spanish_tree(strings=None):
    """The Spanish home page and the Spanish sections, made if absent from
    the English ones. ``strings`` maps more of their English texts (an
    introduction) to Spanish. Returns the Spanish home page."""
    spanish = Locale.objects.get(language_code=SPANISH)
    english_home = home_page()
    spanish_home = translate_section(english_home, spanish, strings)
    for section in english_home.get_children().live().specific():
        if type(section) in SPANISH_NAMES:
            translate_section(section, spanish, strings)
    return spanish_home


def translate_section(page, locale, strings=None):
    """The Spanish of the home page or a section, with its Spanish title and
    slug (whatever the English ones are) and ``strings``."""
    title, slug = SPANISH_NAMES[type(page)]
    return create_translation(
        page, locale, {**(strings or {}), page.title: title, page.slug: slug}
    )
