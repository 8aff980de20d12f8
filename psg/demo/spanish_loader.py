"""The Spanish side of the demo content, loaded after the English.

Translations of the English demo pages and snippets, made with
wagtail-localize (psg.core.content_translation) from the data in
``psg/demo/spanish/``; a letter in Spanish only; the Spanish descriptions of
a few regions and topics; the Spanish menu, footer links, promos and tagline.
The rules are the English content's (psg.demo.loader): each object has a
stable key, what exists is left exactly as it is, and each counts in the
summary.
"""

from django.apps import apps

from wagtail.models import Locale

from psg.core.content_translation import create_translation
from psg.core.locales import SPANISH, default_language
from psg.core.models import NavigationSettings, OrganisationSettings
from psg.home.spanish import translate_section
from psg.news.models import NewsPage, RelatedItem
from psg.taxonomy.models import Region, Topic
from psg.taxonomy.translations import spanish_slug
from psg.taxonomy.vocabulary import REGIONS, TOPICS

from . import site
from .chrome import add_chrome
from .spanish import events, letter, news, pages, publications
from .spanish import site as spanish_site
from .spec import ordered, stream

# The Spanish name of each term of the starting vocabulary, by its slug.
SPANISH_TERM_NAMES = {slug: name_es for _name, name_es, slug, *_rest in REGIONS}
SPANISH_TERM_NAMES.update({slug: name_es for _name, name_es, slug, _ in TOPICS})

# Every page the demo translates.
PAGE_TRANSLATIONS = [
    *pages.STANDARD_PAGES,
    *publications.PUBLICATIONS,
    *news.NEWS,
    *events.EVENTS,
]


class SpanishLoader:
    def __init__(self, demo):
        self.demo = demo  # the DemoLoader: its pages, pictures and summary
        self.locale = Locale.objects.get(language_code=SPANISH)
        self.pages = {}  # English page keys -> their Spanish versions

    def load(self, default_site, home, authors, series):
        self.load_tree(home)
        spanish_series = self.load_snippets(series, spanish_site.SERIES, "slug")
        spanish_authors = self.load_snippets(authors, spanish_site.AUTHORS, "name")
        self.load_term_descriptions()
        for spec in PAGE_TRANSLATIONS:
            self.load_page(spec)
        self.load_letter(spanish_authors, spanish_series)
        self.load_navigation(default_site)
        self.load_tagline(default_site)

    def translate(self, english, spec, find_existing):
        """``english``'s Spanish translation: the one it has, else what
        ``find_existing()`` finds (its key in Spanish), else one made from
        ``spec``'s strings and the pictures' alt text."""
        translation = english.get_translation_or_none(self.locale) or find_existing()
        created = translation is None
        if created:
            strings = {**spanish_site.ALT_TEXTS, **spec.strings}
            translation = create_translation(english, self.locale, strings)
        return self.demo.count(translation, created)

    def load_tree(self, home):
        """The Spanish home page and sections (psg.home.spanish), with the
        demo's introductions in Spanish."""
        for key, page in [
            ("home", home),
            *((key, self.demo.pages[key]) for key, *_rest in site.SECTIONS),
        ]:
            existing = page.get_translation_or_none(self.locale)
            translation = existing or translate_section(
                page, self.locale, spanish_site.TREE_STRINGS
            )
            self.pages[key] = self.demo.count(translation, existing is None)

    def load_snippets(self, english, specs, key_field):
        """The Spanish of snippets (``english``: a dict by key), found in
        Spanish by the same key; a dict of them by the English keys."""
        spanish = {}
        for spec in specs:
            original = english[spec.key]
            in_spanish = type(original).objects.filter(
                locale=self.locale, **{key_field: spec.strings[spec.key]}
            )
            spanish[spec.key] = self.translate(original, spec, in_spanish.first)
        return spanish

    def load_term_descriptions(self):
        for (label, slug), description in spanish_site.DESCRIPTIONS.items():
            model = apps.get_model(label)
            english = model.objects.filter(
                locale__language_code=default_language(), slug=slug
            ).first()
            if english is None:
                continue
            term = english.get_translation_or_none(self.locale)
            if term is None:
                term = english.copy_for_translation(self.locale)
                term.name = SPANISH_TERM_NAMES.get(slug, english.name)
                taken = set(
                    model.objects.filter(locale=self.locale).values_list(
                        "slug", flat=True
                    )
                )
                term.slug = spanish_slug(term.name, slug, taken)
                term.description = ""
            created = not term.description
            if created:
                term.description = description
                term.save()
            self.demo.count(term, created)

    def load_page(self, spec):
        english = self.demo.pages[spec.key]
        parent = english.get_parent().get_translation_or_none(self.locale)
        slug = spec.strings[spec.key]
        self.pages[spec.key] = self.translate(
            english, spec, lambda: parent.get_children().filter(slug=slug).first()
        )

    def load_letter(self, authors, series):
        """The letter that exists in Spanish only, under the Spanish news."""
        spec = letter.LETTER
        terms = {}
        for name, model in (("regions", Region), ("topics", Topic)):
            english = getattr(self.demo, name)
            keys = [
                english[slug].translation_key
                for slug in getattr(spec, name)
                if slug in english
            ]
            terms[name] = list(
                model.objects.filter(locale=self.locale, translation_key__in=keys)
            )
        related = [{"page": self.pages[key]} for key in spec.related]
        self.demo.ensure_page(
            self.pages["news"],
            NewsPage,
            spec.slug,
            title=spec.title,
            date=self.demo.date_ago(spec.days_ago),
            kind=spec.kind,
            teaser=spec.teaser,
            body=stream(spec.body, self.demo.images),
            series=series.get(spec.series),
            authors=[authors[name] for name in spec.authors],
            related_items=ordered(RelatedItem, related),
            **terms,
        )

    def load_navigation(self, default_site):
        """Spanish rows of the menu, footer links and promos, while there are
        none (the English ones show on Spanish pages until then)."""
        navigation = NavigationSettings.for_site(default_site)
        relations = ("menu_items", "footer_links", "promos")
        created = not any(
            getattr(navigation, name).filter(language=SPANISH).exists()
            for name in relations
        )
        if created:
            add_chrome(navigation, SPANISH, spanish_site, self.link)
        self.demo.count(navigation, created)

    def link(self, page_key, url):
        return {"link_page": self.pages.get(page_key), "link_url": url}

    def load_tagline(self, default_site):
        organisation = OrganisationSettings.for_site(default_site)
        created = not organisation.tagline_es
        if created:
            organisation.tagline_es = spanish_site.TAGLINE
            organisation.save(update_fields=["tagline_es"])
        self.demo.count(organisation, created)
