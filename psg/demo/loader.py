"""Puts the demo content into the default site, creating only what is missing.

An object found by its stable key (a page by its slug under its parent, a file
by its name…) is left as it is, so a second run creates nothing and editors'
changes survive. docs/demo-content.md lists the keys. The Spanish content,
made from the English, is spanish_loader.py's.
"""

import datetime
import hashlib
import io
import os
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from psg.bulletin.models import (
    BulletinSeries,
    Edition,
    EditionItem,
    Subscriber,
    Subscription,
)
from psg.bulletin.spanish import make_spanish_edition
from psg.core.locales import default_language
from psg.core.models import (
    DatePrecision,
    NavigationSettings,
    OrganisationSettings,
    SocialLink,
    format_partial_date,
)
from psg.core.site_structure import get_or_create_section
from psg.events.models import EventPage
from psg.members.languages import Language
from psg.members.models import MembershipSettings
from psg.news.models import Author, NewsPage, RelatedItem
from psg.publications.models import PublicationFile, PublicationPage
from psg.standard_pages.models import StandardPage
from psg.taxonomy.models import Region, Series, Topic

from . import bulletin, events, images, news, publications, site, terms
from .chrome import add_chrome
from .pdf import render_pdf
from .spanish_loader import SpanishLoader
from .spec import html_paragraphs, ordered, stream

COLLECTION_NAME = "Demo"
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


@dataclass
class Summary:
    created: int = 0
    present: int = 0

    def __str__(self):
        return f"Demo content: {self.created} created, {self.present} already present"


def load_demo_content(now=None):
    """Create the demo content that is missing, in one transaction.

    ``now`` is the moment news, publication and event dates count from.
    Returns a Summary of how many demo objects were created or found.
    """
    loader = DemoLoader(now or timezone.now())
    with transaction.atomic():
        loader.load()
    return loader.summary


class DemoLoader:
    def __init__(self, now):
        self.today = timezone.localdate(now)
        self.summary = Summary()
        self.pages = {}  # section keys and page slugs -> pages
        self.images = {}  # image keys -> images
        english = default_language()
        self.regions = {r.slug: r for r in Region.objects.in_language(english)}
        self.topics = {t.slug: t for t in Topic.objects.in_language(english)}

    def load(self):
        default_site = Site.objects.get(is_default_site=True)
        home = default_site.root_page.specific
        self.collection = self.load_collection()
        self.load_images()
        self.load_sections()
        self.load_term_descriptions()
        self.load_standard_pages(home)
        authors = self.load_authors()
        series = self.load_series()
        self.load_publications()
        self.load_news(authors, series)
        self.load_events()
        self.load_home(home)
        self.load_organisation(default_site)
        self.load_bank_details(default_site)
        self.load_navigation(default_site)
        # The Spanish pages, snippets and chrome, from the English ones.
        SpanishLoader(self).load(default_site, home, authors, series)
        self.load_bulletin()

    # Finding and creating

    def count(self, obj, created):
        if created:
            self.summary.created += 1
        else:
            self.summary.present += 1
        return obj

    def ensure_page(self, parent, model, slug, **fields):
        """The child of ``parent`` with ``slug``; created and published if missing.

        ``fields`` may include many-to-many values and child rows (lists),
        which the page keeps in its revision.
        """
        page = parent.get_children().filter(slug=slug).specific().first()
        created = page is None
        if created:
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.pages[slug] = page
        return self.count(page, created)

    def ensure_file(self, model, folder, filename, render, file_class=File, **fields):
        """An image or document found by its file name, else stored from render().

        The storage may have added a suffix to the name (when a file of that
        name was already there), so the lookup allows one.
        """
        stem, extension = os.path.splitext(filename)
        pattern = (
            rf"^{folder}/{re.escape(stem)}(_[A-Za-z0-9]{{7}})?{re.escape(extension)}$"
        )
        obj = model.objects.filter(file__regex=pattern).first()
        created = obj is None
        if created:
            data = render()
            obj = model(
                collection=self.collection,
                file=file_class(io.BytesIO(data), name=filename),
                file_size=len(data),
                # Wagtail's duplicate detection compares SHA-1 digests.
                file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
                **fields,
            )
            obj.save()
        return self.count(obj, created)

    def terms(self, vocabulary, slugs):
        return [vocabulary[slug] for slug in slugs if slug in vocabulary]

    def date_ago(self, days, precision=DatePrecision.DAY):
        """The date ``days`` before today, cut to the first of its month/year."""
        date = self.today - datetime.timedelta(days=days)
        if precision == DatePrecision.MONTH:
            return date.replace(day=1)
        if precision == DatePrecision.YEAR:
            return date.replace(month=1, day=1)
        return date

    def link(self, page_key, url):
        return {"link_page": self.pages.get(page_key), "link_url": url}

    # The content

    def load_collection(self):
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        created = collection is None
        if created:
            root = Collection.get_first_root_node()
            collection = root.add_child(name=COLLECTION_NAME)
        return self.count(collection, created)

    def load_images(self):
        for spec in images.IMAGES:
            self.images[spec.key] = self.ensure_file(
                get_image_model(),
                "original_images",
                f"demo-{spec.key}.jpg",
                lambda spec=spec: images.render(spec),
                file_class=ImageFile,
                title=spec.title,
                description=spec.description,
            )

    def load_sections(self):
        for key, label, title, slug, intro in site.SECTIONS:
            model = apps.get_model(label)
            created = not model.objects.exists()
            page = get_or_create_section(model, title, slug, intro=intro)
            self.pages[key] = self.count(page, created)

    def load_term_descriptions(self):
        for (label, slug), description in terms.DESCRIPTIONS.items():
            english = apps.get_model(label).objects.in_language(default_language())
            term = english.filter(slug=slug).first()
            if term is None:
                continue
            created = not term.description
            if created:
                term.description = description
                term.save(update_fields=["description"])
            self.count(term, created)

    def load_standard_pages(self, home):
        for spec in site.STANDARD_PAGES:
            self.ensure_page(
                home,
                StandardPage,
                spec.slug,
                title=spec.title,
                introduction=spec.introduction,
                body=stream(spec.body, self.images),
            )

    def load_authors(self):
        authors = {}
        for spec in news.AUTHORS:
            english = Author.objects.filter(locale__language_code=default_language())
            author, created = english.get_or_create(
                name=spec.name, defaults={"role": spec.role, "bio": spec.bio}
            )
            authors[spec.name] = self.count(author, created)
        return authors

    def load_series(self):
        series = {}
        for spec in news.SERIES:
            found = Series.objects.in_language(default_language()).filter(
                Q(slug=spec.slug) | Q(name=spec.name)
            )
            item = found.first()
            created = item is None
            if created:
                item = Series.objects.create(
                    slug=spec.slug,
                    name=spec.name,
                    description=spec.description,
                    region=self.regions.get(spec.region),
                )
            series[spec.slug] = self.count(item, created)
        return series

    def load_publications(self):
        for spec in publications.PUBLICATIONS:
            date = self.date_ago(spec.days_ago, spec.date_precision)
            files = [
                {
                    "document": self.load_document(spec, text, date),
                    "language": text.language,
                }
                for text in spec.documents
            ]
            self.ensure_page(
                self.pages["publications"],
                PublicationPage,
                spec.slug,
                title=spec.title,
                date=date,
                date_precision=spec.date_precision,
                kind=spec.kind,
                summary=spec.summary,
                description=html_paragraphs(spec.description),
                publisher=spec.publisher,
                cover_image=self.images[spec.cover],
                regions=self.terms(self.regions, spec.regions),
                topics=self.terms(self.topics, spec.topics),
                files=ordered(PublicationFile, files),
            )

    def load_document(self, spec, text, date):
        def render():
            with translation.override(text.language):
                date_label = format_partial_date(date, spec.date_precision)[0]
            return render_pdf(text, date_label)

        return self.ensure_file(
            get_document_model(),
            "documents",
            f"demo-{spec.slug}-{text.language}.pdf",
            render,
            title=f"{text.title} ({LANGUAGE_NAMES[text.language]})",
        )

    def load_news(self, authors, series):
        for spec in news.NEWS:
            related = [{"page": self.pages[slug]} for slug in spec.related]
            self.ensure_page(
                self.pages["news"],
                NewsPage,
                spec.slug,
                title=spec.title,
                date=self.date_ago(spec.days_ago),
                kind=spec.kind,
                teaser=spec.teaser,
                body=stream(spec.body, self.images),
                series=series.get(spec.series),
                authors=[authors[name] for name in spec.authors],
                regions=self.terms(self.regions, spec.regions),
                topics=self.terms(self.topics, spec.topics),
                related_items=ordered(RelatedItem, related),
            )

    def load_events(self):
        for spec in events.EVENTS:
            day = self.today + datetime.timedelta(days=spec.days_from_now)
            start = datetime.datetime.combine(
                day, spec.start_time, tzinfo=ZoneInfo(spec.time_zone)
            )
            self.ensure_page(
                self.pages["events"],
                EventPage,
                spec.slug,
                title=spec.title,
                start=start,
                end=start + spec.duration,
                time_zone=spec.time_zone,
                summary=spec.summary,
                body=stream(spec.body, self.images),
                venue=spec.venue,
                address=spec.address,
                online_url=spec.online_url,
                organisers=spec.organisers,
                registration_url=spec.registration_url,
                regions=self.terms(self.regions, spec.regions),
                topics=self.terms(self.topics, spec.topics),
            )

    def load_home(self, home):
        # A home page nobody has saved since the migrations made it.
        created = not home.introduction and home.latest_revision_id is None
        if created:
            home.introduction = site.HOME_INTRODUCTION
            home.featured_publication = self.pages.get(publications.FEATURED)
            home.save_revision().publish()
        self.count(home, created)

    def load_organisation(self, default_site):
        organisation = OrganisationSettings.for_site(default_site)
        fields = ("charity_number", "address", "email", "tagline")
        created = not any(getattr(organisation, name) for name in fields)
        if created:
            for name, value in site.ORGANISATION.items():
                setattr(organisation, name, value)
            organisation.save()
        self.count(organisation, created)

    def load_bank_details(self, default_site):
        membership = MembershipSettings.for_site(default_site)
        created = not any(getattr(membership, name) for name in site.BANK_DETAILS)
        if created:
            for name, value in site.BANK_DETAILS.items():
                setattr(membership, name, value)
            membership.save()
        self.count(membership, created)

    def load_navigation(self, default_site):
        navigation = NavigationSettings.for_site(default_site)
        relations = ("menu_items", "footer_links", "social_links", "promos")
        created = not any(getattr(navigation, name).exists() for name in relations)
        if created:
            navigation.social_links = ordered(
                SocialLink,
                [
                    {"network": network, "url": url}
                    for network, url in site.SOCIAL_LINKS
                ],
            )
            add_chrome(navigation, default_language(), site, self.link)
        self.count(navigation, created)

    def load_bulletin(self):
        """The Update, its demo subscribers (found by address) and a draft of
        its next number in English and Spanish, made only while the series
        has no edition at all: once one exists (the demo's, sent or not, or
        an editor's) no other draft is added (docs/demo-content.md)."""
        slug, name = bulletin.SERIES["slug"], bulletin.SERIES["name"]
        series = BulletinSeries.objects.filter(Q(slug=slug) | Q(name=name)).first()
        if series is None:
            # The migrations' series, not the demo's: counted only if remade.
            series = self.count(BulletinSeries.objects.create(**bulletin.SERIES), True)
        for spec in bulletin.SUBSCRIBERS:
            subscriber = Subscriber.objects.filter(email__iexact=spec.email).first()
            created = subscriber is None
            if created:
                confirmed_at = datetime.datetime.combine(
                    self.date_ago(spec.days_ago), datetime.time(9), tzinfo=datetime.UTC
                )
                subscriber = Subscriber.objects.create(
                    email=spec.email,
                    name=spec.name,
                    language=spec.language,
                    status=Subscriber.Status.SUBSCRIBED,
                    confirmed_at=confirmed_at,
                )
                Subscription.objects.create(
                    subscriber=subscriber, series=series, subscribed_at=confirmed_at
                )
            self.count(subscriber, created)
        english = series.editions.filter(language=Language.ENGLISH).order_by("number")
        edition = english.first()
        if edition is not None:
            self.count(edition, False)
            if spanish := Edition.objects.filter(english_edition=edition).first():
                self.count(spanish, False)
        elif series.is_active:
            edition = Edition.objects.create(
                series=series,
                number=series.next_number(),
                date=self.today,
                introduction=html_paragraphs(bulletin.EDITION.introduction),
            )
            pages = [self.pages[slug] for slug in bulletin.EDITION.items]
            for position, page in enumerate(pages):
                EditionItem.objects.create(
                    edition=edition, page=page, sort_order=position
                )
            # Its items are the news items' Spanish translations where there are.
            spanish = make_spanish_edition(edition)[0]
            spanish.introduction = html_paragraphs(
                bulletin.EDITION.spanish_introduction
            )
            spanish.is_ready = True
            spanish.save()
            self.count(edition, True)
            self.count(spanish, True)
