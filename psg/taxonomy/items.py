"""What carries a region or a topic: news, publications and events together.

Every query here costs the same whatever the number of items or terms: a
term's items are one sorted id query (plus one count) and one query per kind
of page shown; counts for every term at once are one aggregate query.
"""

import datetime
import operator
from functools import reduce

from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import Page

from psg.core.page_kinds import is_datetime, item_date, item_models

TERM_ITEMS_PER_PAGE = 12


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
        .annotate(sort_date=item_date(item_models()))
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
        remaining = [pk for pk in ids if pk not in found]
        if not remaining:
            break
        queryset = model.listing_queryset(model.objects.filter(pk__in=remaining))
        for page in queryset:
            page.listing_kind = model.page_kind.name
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


def terms_with_counts(terms, field, since=None):
    """Every term of ``terms`` (a queryset of one language's regions or
    topics) with its ``name_es``, ``<kind>_count`` for each kind
    (``news_count``, ``publication_count``, ``event_count``) and
    ``item_count``: live, public items carrying it.

    With ``since`` (a date), only news and publications dated on or after it
    and events starting on or after it are counted. Two queries: the private
    sections, then one aggregate query for every term.
    """
    private = private_q()
    annotations = {}
    for model in item_models():
        pages = visible(model, private)
        if since is not None:
            first = since
            if is_datetime(model):
                first = timezone.make_aware(
                    datetime.datetime.combine(since, datetime.time.min)
                )
            pages = pages.filter(**{f"{model.page_kind.date_field}__gte": first})
        annotations[f"{model.page_kind.name}_count"] = _count_per_term(
            model, field, pages
        )
    return (
        terms.with_name_es()
        .annotate(**annotations)
        .annotate(item_count=reduce(operator.add, (F(name) for name in annotations)))
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
