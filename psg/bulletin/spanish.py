"""Spanish editions: the Spanish of an English edition, sent with it.

A Spanish edition is an ``Edition`` row of its own (language ``es``) linked
to the English edition of the same series and number. It is never sent on
its own: when the English edition is sent, the Spanish one goes with it if it
is ready (ticked *ready to send*, with items), and each subscriber who reads
Spanish receives it instead of the English one. docs/bulletin.md says why.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef

from wagtail.models import Locale

from psg.core.locales import SPANISH

from .models import Edition, EditionItem


def ready_spanish(english_pk):
    """The Spanish edition of ``english_pk`` that would go with it now: a
    draft marked ready, with items (a queryset of at most one)."""
    return Edition.objects.filter(
        english_edition_id=english_pk,
        status=Edition.Status.DRAFT,
        is_ready=True,
        is_legacy=False,
    ).filter(Exists(EditionItem.objects.filter(edition_id=OuterRef("pk"))))


def lock_with(english_pk, now):
    """Mark the ready Spanish edition *sending* with its English edition, so
    it can no longer change (inside start_sending's transaction)."""
    ready_spanish(english_pk).update(status=Edition.Status.SENDING, updated_at=now)


def sent_with(english_pk, now):
    """Mark the Spanish edition that went with ``english_pk`` sent; returns it
    (to purge from the caches) or None."""
    editions = Edition.objects.filter(
        english_edition_id=english_pk, status=Edition.Status.SENDING
    )
    if not editions.update(status=Edition.Status.SENT, sent_at=now, updated_at=now):
        return None
    return Edition.objects.select_related("series").get(english_edition_id=english_pk)


def spanish_page(page):
    """The Spanish translation of ``page``, or the page itself if none."""
    spanish = Locale.objects.filter(language_code=SPANISH).first()
    if spanish is None:
        return page
    return page.get_translation_or_none(spanish) or page


@transaction.atomic
def make_spanish_edition(english):
    """The Spanish edition of ``english``: the one there is, or a new draft
    with its date, introduction and items (each the page's Spanish
    translation where there is one), for a translator to finish."""
    existing = Edition.objects.filter(english_edition=english).first()
    if existing is not None:
        return existing, False
    spanish = Edition(
        english_edition=english,
        series_id=english.series_id,
        number=english.number,
        date=english.date,
        introduction=english.introduction,
    )
    spanish.save()
    for item in english.items.order_by("sort_order"):
        EditionItem.objects.create(
            edition=spanish,
            page_id=spanish_page(item.page).pk,
            sort_order=item.sort_order,
        )
    return spanish, True
