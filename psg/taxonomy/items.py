"""What carries a region or a topic: news, publications and events together.

Every query here costs the same whatever the number of items or terms: a
term's items are one sorted id query (plus one count) and one query per kind
of page shown; counts for every term at once are one aggregate query.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    DateField,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from wagtail.models import Page

TERM_ITEMS_PER_PAGE = 12
# What a listing calls each kind of page (templates pick a component by it).
LISTING_KINDS = {
    "newspage": "news",
    "publicationpage": "publication",
    "eventpage": "event",
}


def item_models():
    """The page types that carry regions and topics, in display order."""
    from psg.events.models import EventPage
    from psg.news.models import NewsPage
    from psg.publications.models import PublicationPage

    return [NewsPage, PublicationPage, EventPage]


def date_field(model):
    """The field an item is dated by: an event by its start."""
    return "start" if model._meta.model_name == "eventpage" else "date"


def private_q():
    """A Q matching pages in private sections; one query, made once per call."""
    return Page.objects.all().private_q()


def visible(model, private):
    """Live, public pages of ``model``, given the private sections' Q."""
    return model.objects.live().exclude(private)


def _through(model, field):
    """The relation table of ``model.<field>`` and its two column names."""
    through = getattr(model, field).through
    term_column = field[:-1]  # "regions" -> "region"
    return through, model._meta.model_name, term_column


def term_item_ids(field, term, private):
    """Ids of the live, public pages of every kind that carry ``term``.

    ``field`` is "regions" or "topics". Returns a values queryset of
    (page id, content type id), newest first: news and publications by their
    date, events by the day they start; undated items last.
    """
    carrying = Q()
    for model in item_models():
        through, page_column, term_column = _through(model, field)
        carrying |= Q(
            pk__in=through.objects.filter(**{term_column: term}).values(page_column)
        )
    return (
        Page.objects.live()
        .exclude(private)
        .filter(carrying)
        .annotate(
            sort_date=Coalesce(
                F("newspage__date"),
                F("publicationpage__date"),
                TruncDate("eventpage__start"),
                output_field=DateField(),
            )
        )
        .order_by(F("sort_date").desc(nulls_last=True), "-pk")
        .values_list("pk", flat=True)
    )


def load_items(ids):
    """The pages with these ids as their specific types, in the given order.

    At most one query per kind of page (publications add one for their cover
    images' renditions); each page gets a ``listing_kind``.
    """
    ids = list(ids)
    found = {}
    for model in item_models():
        queryset = model.objects.filter(pk__in=ids)
        if model._meta.model_name == "publicationpage":
            queryset = queryset.select_related("cover_image").prefetch_related(
                "cover_image__renditions"
            )
        remaining = [pk for pk in ids if pk not in found]
        if not remaining:
            break
        kind = LISTING_KINDS[model._meta.model_name]
        for page in queryset.filter(pk__in=remaining):
            page.listing_kind = kind
            found[page.pk] = page
    return [found[pk] for pk in ids if pk in found]


def paginate_term_items(request, field, term):
    """One page of ``term``'s items; out-of-range or odd ``?page=`` clamps."""
    paginator = Paginator(term_item_ids(field, term, private_q()), TERM_ITEMS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = load_items(page.object_list)
    return page


def _count_per_term(model, field, pages):
    """A subquery: how many of ``pages`` (of ``model``) carry the outer term."""
    through, page_column, term_column = _through(model, field)
    counts = (
        through.objects.filter(
            **{term_column: OuterRef("pk"), f"{page_column}__in": pages.values("pk")}
        )
        .order_by()
        .values(term_column)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def terms_with_counts(term_model, field, since=None):
    """Every term of ``term_model`` with ``news_count``, ``publication_count``,
    ``event_count`` and ``item_count``: live, public items carrying it.

    With ``since`` (a date), only news and publications dated on or after it
    and events starting on or after it are counted. Two queries: the private
    sections, then one aggregate query for every term.
    """
    private = private_q()
    annotations = {}
    for model, name in zip(
        item_models(), ("news_count", "publication_count", "event_count"), strict=True
    ):
        pages = visible(model, private)
        if since is not None:
            if date_field(model) == "start":
                start = timezone.make_aware(
                    datetime.datetime.combine(since, datetime.time.min)
                )
                pages = pages.filter(start__gte=start)
            else:
                pages = pages.filter(date__gte=since)
        annotations[name] = _count_per_term(model, field, pages)
    return term_model.objects.annotate(**annotations).annotate(
        item_count=F("news_count") + F("publication_count") + F("event_count")
    )


def newest_publication_per_term(field):
    """{term id: the newest last_published_at among the items carrying it}.

    One query for the private sections and one per kind of page.
    """
    private = private_q()
    newest = {}
    for model in item_models():
        rows = (
            visible(model, private)
            .filter(**{f"{field}__isnull": False})
            .order_by()
            .values(field)
            .annotate(newest=Max("last_published_at"))
            .values_list(field, "newest")
        )
        for term_id, published in rows:
            if published and (term_id not in newest or published > newest[term_id]):
                newest[term_id] = published
    return newest
