"""RSS 2.0 and Atom feeds of news (all, or about one region, topic or series)
and of publications: the 20 newest live, public items each.

Titles and summaries are plain text, escaped once more where the format reads
them as HTML; docs/feeds-and-metadata.md says what a feed holds and why.
"""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.models import Page, get_page_models

from psg.core.addresses import absolute
from psg.core.models import OrganisationSettings
from psg.core.page_facts import (
    author_names,
    document_size,
    item_moment,
    pdf_files,
    regions_and_topics,
)
from psg.core.sites import site_for
from psg.news.models import NewsIndexPage, NewsPage
from psg.publications.models import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
)
from psg.taxonomy.models import Region, Series, Topic

FEED_LENGTH = 20

RSS = "rss"
ATOM = "atom"
FEED_TYPES = {RSS: feedgenerator.Rss201rev2Feed, ATOM: feedgenerator.Atom1Feed}


@dataclass
class FeedEntry:
    """One item of a feed, with everything the feed writes about it."""

    page: Page
    link: str
    moment: object
    categories: list = field(default_factory=list)
    author: str | None = None
    enclosures: list = field(default_factory=list)


@dataclass
class FeedSubject:
    """What one request's feed is about, worked out once."""

    title: str
    link: str
    feed_url: str
    description: str
    author: str
    entries: list


def feed_url_name(subject, feed_format):
    """The URL name of a feed: ``feed-news-rss``, ``feed-region-atom``…"""
    return f"feed-{subject}-{feed_format}"


def feed_title(organisation_name, subject):
    return _("%(organisation)s — %(subject)s") % {
        "organisation": organisation_name,
        "subject": subject,
    }


def term_page_url(site, request, term, fallback):
    """The absolute address of a region's or topic's own page, else ``fallback``.

    A term's page is the "term" route of the live index page whose type
    lists that kind of term (``term_model``), e.g. /regions/<slug>/.
    """
    if site is None:
        return fallback
    for model in get_page_models():
        if getattr(model, "term_model", None) is not type(term):
            continue
        index = model.objects.live().public().descendant_of(site.root_page).first()
        if index is None:
            continue
        try:
            route = index.reverse_subpage("term", args=[term.slug])
        except (AttributeError, NoReverseMatch):
            continue
        return index.get_full_url(request).rstrip("/") + "/" + route
    return fallback


class SiteFeed(Feed):
    """The shared work of every feed; subclasses choose the items."""

    def __init__(self, feed_format=RSS):
        super().__init__()
        self.feed_format = feed_format
        self.feed_type = FEED_TYPES[feed_format]

    # What the feed is about --------------------------------------------

    def get_object(self, request, slug=None):
        site = site_for(request)
        organisation = OrganisationSettings.for_request(request)
        term = self.get_term(slug)
        index = self.get_index(site)
        pages = list(self.get_pages(site, term)[:FEED_LENGTH])
        entries = [self.entry(site, request, page) for page in pages]
        index_url = index.get_full_url(request) if index else absolute(site, "/")
        return FeedSubject(
            title=feed_title(organisation.name, self.subject_name(term)),
            link=self.get_link(site, request, term, index, index_url),
            feed_url=absolute(site, request.path),
            description=self.get_description(organisation.name, term),
            author=organisation.name,
            entries=entries,
        )

    def get_term(self, slug):
        return None

    def get_index(self, site):
        raise NotImplementedError

    def get_pages(self, site, term):
        raise NotImplementedError

    def subject_name(self, term):
        raise NotImplementedError

    def get_description(self, organisation_name, term):
        raise NotImplementedError

    def get_link(self, site, request, term, index, index_url):
        return index_url

    def entry(self, site, request, page):
        regions, topics = regions_and_topics(page)
        return FeedEntry(
            page=page,
            link=page.get_full_url(request),
            moment=item_moment(page),
            categories=[term.name for term in regions + topics],
        )

    # The feed ------------------------------------------------------------

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def feed_url(self, obj):
        return obj.feed_url

    def feed_guid(self, obj):
        return obj.feed_url

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def author_name(self, obj):
        return obj.author

    def items(self, obj):
        return obj.entries

    # Each item -----------------------------------------------------------

    def item_title(self, entry):
        if self.feed_format == ATOM:
            return entry.page.title
        return escape(entry.page.title)

    def item_description(self, entry):
        return escape(entry.page.summary_text())

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return f"urn:uuid:{entry.page.translation_key}"

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.moment

    def item_updateddate(self, entry):
        return entry.moment

    def item_author_name(self, entry):
        return entry.author

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        if self.feed_format == RSS:
            # RSS 2.0 allows one enclosure an item: the first file.
            return entry.enclosures[:1]
        return entry.enclosures


class NewsFeed(SiteFeed):
    """The newest news items, or those about one region, topic or series."""

    term_model = None
    term_field = None

    def get_term(self, slug):
        if self.term_model is None:
            return None
        try:
            return self.term_model.objects.in_language().get(slug=slug)
        except self.term_model.DoesNotExist:
            raise Http404(
                _("There is no %(kind)s called “%(slug)s”.")
                % {"kind": self.term_model._meta.verbose_name, "slug": slug}
            ) from None

    def get_index(self, site):
        if site is None:
            return None
        return NewsIndexPage.objects.live().descendant_of(site.root_page).first()

    def get_pages(self, site, term):
        pages = (
            NewsPage.objects.live()
            .public()
            .select_related("series")
            .prefetch_related("authors", "regions", "topics")
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return self.filter_by_term(pages, term)

    def filter_by_term(self, pages, term):
        return pages

    def subject_name(self, term):
        return _("News")

    def get_description(self, organisation_name, term):
        return _(
            "News, analysis and letters from Peru's regions from the %(organisation)s."
        ) % {"organisation": organisation_name}

    def entry(self, site, request, page):
        entry = super().entry(site, request, page)
        entry.author = ", ".join(author_names(page)) or None
        return entry


class TermNewsFeed(NewsFeed):
    """News about one region or topic."""

    def filter_by_term(self, pages, term):
        return pages.filter(**{self.term_field: term})

    def subject_name(self, term):
        return term.name

    def get_description(self, organisation_name, term):
        return term.description or _(
            "News about %(term)s from the %(organisation)s."
        ) % {"term": term.name, "organisation": organisation_name}

    def get_link(self, site, request, term, index, index_url):
        return term_page_url(site, request, term, index_url)


class RegionNewsFeed(TermNewsFeed):
    term_model = Region
    term_field = "regions"


class TopicNewsFeed(TermNewsFeed):
    term_model = Topic
    term_field = "topics"


class SeriesNewsFeed(TermNewsFeed):
    term_model = Series
    term_field = "series"

    def get_link(self, site, request, term, index, index_url):
        if index is None:
            return index_url
        path = index.reverse_subpage("series", args=[term.slug])
        return index_url.rstrip("/") + "/" + path


class PublicationsFeed(SiteFeed):
    """The newest publications, each with its PDF files as enclosures."""

    def get_index(self, site):
        if site is None:
            return None
        return PublicationIndexPage.objects.live().descendant_of(site.root_page).first()

    def get_pages(self, site, term):
        pages = (
            PublicationPage.objects.live()
            .public()
            .prefetch_related(
                "regions",
                "topics",
                Prefetch(
                    "files",
                    queryset=PublicationFile.objects.select_related("document"),
                ),
            )
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages

    def subject_name(self, term):
        return _("Publications")

    def get_description(self, organisation_name, term):
        return _(
            "Reports, briefings, case studies and submissions from the "
            "%(organisation)s and its partners."
        ) % {"organisation": organisation_name}

    def entry(self, site, request, page):
        entry = super().entry(site, request, page)
        entry.enclosures = [
            feedgenerator.Enclosure(
                url=absolute(site, item.document.url),
                length=str(document_size(item.document)),
                mime_type="application/pdf",
            )
            for item in pdf_files(page)
        ]
        return entry
