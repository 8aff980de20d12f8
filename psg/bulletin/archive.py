"""What the archive shows: editions, made or imported, and their items.

An edition is either an ``Edition`` row (published once sent, or marked as an
archived edition) or a *legacy edition*: the live news items imported from the
old site whose bulletin name matches a series (in any case) and share a
bulletin number. A row wins over a legacy edition with the same number.
"""

import hashlib
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Max, Prefetch
from django.db.models.functions import Lower
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from psg.members.languages import Language
from psg.news.models import NewsPage

from .models import BulletinSeries, Edition, EditionItem, edition_title, edition_url


@dataclass
class BulletinItem:
    """One line of an edition: a page's title, date, summary and link."""

    page: Page
    url: str
    date_iso: str
    date_display: str
    summary: str
    kind: str

    @property
    def title(self):
        return self.page.title


@dataclass
class EditionView:
    """An edition as readers see it, whether a row or made from imported items."""

    series: BulletinSeries
    number: int
    date: object
    introduction: str = ""
    pages: list = field(default_factory=list)
    edition: Edition | None = None
    item_count: int | None = None
    # The published edition of the same number in the other language.
    other_language: "EditionView | None" = None

    @property
    def language(self):
        return self.edition.language if self.edition else Language.ENGLISH

    @property
    def is_legacy(self):
        return self.edition is None or self.edition.is_legacy

    @property
    def title(self):
        return edition_title(self.series.name, self.number, self.date)

    def get_absolute_url(self):
        return edition_url(
            "bulletin-edition", self.series.slug, self.number, self.edition
        )

    def get_pdf_url(self):
        return edition_url(
            "bulletin-edition-pdf", self.series.slug, self.number, self.edition
        )

    @cached_property
    def cache_key(self):
        """Names the PDF: changes whenever the edition or one of its pages does."""
        if self.edition is not None:
            parts = ["edition", str(self.edition.pk), self.edition.updated_at]
        else:
            parts = ["legacy", self.series.slug, str(self.number)]
        parts += [
            f"{page.pk}:{page.last_published_at}:{page.title}" for page in self.pages
        ]
        digest = hashlib.sha256(
            "|".join(str(part) for part in parts).encode()
        ).hexdigest()
        prefix = (
            f"edition-{self.edition.pk}"
            if self.edition is not None
            else f"legacy-{self.series.slug}-{self.number}"
        )
        return prefix, f"{prefix}-{digest[:16]}.pdf"

    def items(self, request=None, full_urls=False):
        return [bulletin_item(page, request, full_urls) for page in self.pages]


def bulletin_item(page, request=None, full_urls=False):
    """The title, date, summary and link of a news item, publication or event."""
    date_display, date_iso = page.listing_date()
    kind = page.page_kind.label
    status = getattr(page, "status_notice", "")
    if status:  # an event cancelled, postponed…: readers must see it
        kind = _("%(kind)s (%(status)s)") % {"kind": kind, "status": status}
    return BulletinItem(
        page=page,
        url=(page.get_full_url(request) if full_urls else page.get_url(request)) or "",
        date_iso=date_iso,
        date_display=date_display,
        summary=page.summary_text(),
        kind=kind,
    )


def _live_specific(page_ids):
    """The live, public pages among ``page_ids``, specific, in that order."""
    pages = Page.objects.live().public().filter(pk__in=page_ids).specific()
    by_pk = {page.pk: page for page in pages}
    return [by_pk[pk] for pk in page_ids if pk in by_pk]


def legacy_pages():
    return NewsPage.objects.live().public().filter(bulletin_number__isnull=False)


def get_series(slug):
    try:
        return BulletinSeries.objects.get(slug=slug)
    except BulletinSeries.DoesNotExist:
        raise Http404(_("No such bulletin.")) from None


def edition_view(edition):
    """The reader's view of an ``Edition`` row; its items are prefetched."""
    ids = [item.page_id for item in edition.items.all()]
    return EditionView(
        series=edition.series,
        number=edition.number,
        date=edition.date,
        introduction=edition.introduction,
        pages=_live_specific(ids),
        edition=edition,
    )


def editions_with_items():
    return Edition.objects.select_related("series").prefetch_related(
        Prefetch("items", queryset=EditionItem.objects.order_by("sort_order"))
    )


def get_edition(series_slug, number, language=Language.ENGLISH):
    """The published edition ``number`` of a series in ``language``, made or
    imported (English only), or 404. Its ``other_language`` is the published
    edition of the same number in the other language, if any."""
    series = get_series(series_slug)
    editions = {
        edition.language: edition
        for edition in editions_with_items()
        .published()
        .filter(series=series, number=number)
    }
    if edition := editions.pop(language, None):
        view = edition_view(edition)
        if other := next(iter(editions.values()), None):
            view.other_language = EditionView(series, number, other.date, edition=other)
        return view
    if (
        language != Language.ENGLISH
        or Edition.objects.filter(
            series=series, number=number, language=language
        ).exists()
    ):
        # A draft, or one being sent: not public yet, and not to be
        # shadowed by imported items that happen to share its number.
        raise Http404(_("No such edition."))
    pages = list(
        legacy_pages()
        .filter(bulletin_name__iexact=series.name, bulletin_number=number)
        .select_related("series")
        .order_by("date", "pk")
    )
    if not pages:
        raise Http404(_("No such edition."))
    dates = [page.date for page in pages if page.date]
    return EditionView(
        series=series, number=number, date=max(dates) if dates else None, pages=pages
    )


def archive_language(views, edition, view):
    """Put ``view`` (of ``edition``) in the archive's ``views``: an English
    edition as the number's entry, a Spanish one as that entry's link."""
    key = (edition.series_id, edition.number)
    if edition.language == Language.ENGLISH:
        view.other_language = views.get(key, view).other_language
        views[key] = view
    elif key in views:
        views[key].other_language = view
    else:
        # Placeholder until the English edition comes by.
        views[key] = EditionView(view.series, view.number, None, other_language=view)


def archive():
    """Every published edition, as ``[(series, [(year, [EditionView])])]``.

    Newest first within a series; three queries whatever the number of
    editions.
    """
    series_list = list(BulletinSeries.objects.all())
    by_name = {series.name.lower(): series for series in series_list}
    editions = {}
    for edition in (
        Edition.objects.published().annotate(item_count=Count("items")).order_by()
    ):
        edition.series = next(s for s in series_list if s.pk == edition.series_id)
        view = EditionView(
            series=edition.series,
            number=edition.number,
            date=edition.date,
            edition=edition,
            item_count=edition.item_count,
        )
        archive_language(editions, edition, view)
    # A Spanish edition published without its English one is listed alone.
    for key, view in editions.items():
        if view.edition is None and view.other_language is not None:
            editions[key] = view.other_language
    legacy = (
        legacy_pages()
        .annotate(name=Lower("bulletin_name"))
        .values("name", "bulletin_number")
        .annotate(latest=Max("date"), count=Count("pk"))
        .order_by()
    )
    drafts = set(
        Edition.objects.exclude(
            pk__in=Edition.objects.published().values("pk")
        ).values_list("series_id", "number")
    )
    for row in legacy:
        series = by_name.get(row["name"])
        if series is None:
            continue
        key = (series.pk, row["bulletin_number"])
        if key in editions or key in drafts:
            continue
        editions[key] = EditionView(
            series=series,
            number=row["bulletin_number"],
            date=row["latest"],
            item_count=row["count"],
        )
    result = []
    for series in series_list:
        views = sorted(
            (view for view in editions.values() if view.series.pk == series.pk),
            key=lambda view: view.number,
            reverse=True,
        )
        if not views:
            continue
        years = [
            (year, list(group))
            for year, group in groupby(
                views, key=lambda view: view.date.year if view.date else None
            )
        ]
        result.append((series, years))
    return result
