"""Which pages lack a translation, or whose translation is older than its
source: the test behind the "Translations to do" report
(psg.core.translation_report) and the status of one page in its editor
(psg.core.templatetags.psg_admin).

A page is *missing* a translation when no page of the other language shares
its translation key. A translation is *out of date* when its source page has
a revision newer than the last time wagtail-localize synchronised the
translation from it (``TranslationSource.last_updated_at``); for a pair made
without wagtail-localize, newer than the translation's own latest revision.
A page may rightly exist in one language only; the report lists it so that
an editor can decide.
"""

from dataclasses import dataclass

from wagtail_localize.models import TranslationSource

from django.conf import settings
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from wagtail.models import Page

from .locales import default_language

MISSING = "missing"
OUTDATED = "outdated"
UP_TO_DATE = "up-to-date"


def with_translation_status(pages):
    """``pages`` annotated with ``translation_status`` (MISSING, OUTDATED or
    None), ``counterpart_id`` (the page in the other language) and
    ``synced_at``: one query, whatever the number of pages."""
    counterparts = Page.objects.filter(translation_key=OuterRef("translation_key"))
    counterparts = counterparts.exclude(locale_id=OuterRef("locale_id"))
    synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    ).order_by("-last_updated_at")
    return pages.annotate(
        counterpart_id=Subquery(counterparts.values("pk")[:1]),
        counterpart_updated_at=Subquery(
            counterparts.values("latest_revision_created_at")[:1]
        ),
        synced_at=Subquery(synced.values("last_updated_at")[:1]),
    ).annotate(
        translation_status=Case(
            When(counterpart_id__isnull=True, then=Value(MISSING)),
            # A source whose translation wagtail-localize keeps in step.
            When(
                synced_at__isnull=False,
                latest_revision_created_at__gt=F("synced_at"),
                then=Value(OUTDATED),
            ),
            # A pair made by hand: the default language's page is the source.
            When(
                synced_at__isnull=True,
                locale__language_code=default_language(),
                latest_revision_created_at__gt=Coalesce(
                    F("counterpart_updated_at"), F("latest_revision_created_at")
                ),
                then=Value(OUTDATED),
            ),
            default=Value(None),
        )
    )


def translation_status(page):
    """MISSING, OUTDATED or None for one page (one query)."""
    found = with_translation_status(Page.objects.filter(pk=page.pk)).first()
    return found.translation_status if found else None


@dataclass(frozen=True)
class OtherLanguage:
    """A page in one of the other content languages, as its editor sees it:
    ``version`` is the page in ``language`` (None when it has none),
    ``status`` MISSING, OUTDATED or UP_TO_DATE, and ``is_source`` whether
    ``version`` is the source the page was translated from."""

    language: str
    status: str
    version: Page | None = None
    is_source: bool = False


def _is_source(version):
    """Whether ``version`` is the source of its pair: the page
    wagtail-localize translates from, else the default language's page."""
    if version.synced_at is not None:
        return True
    return version.locale.language_code == default_language()


def other_languages(page):
    """``(versions, others)`` for one saved page: its versions in every
    language (itself included, with their locales) and an ``OtherLanguage``
    for each content language it is not in. One query."""
    versions = list(
        with_translation_status(
            Page.objects.filter(translation_key=page.translation_key)
        )
        .select_related("locale")
        .order_by("pk")
    )
    own = next((version for version in versions if version.pk == page.pk), None)
    if own is None:
        return [], []
    by_language = {version.locale.language_code: version for version in versions}
    others = []
    for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if language == own.locale.language_code:
            continue
        version = by_language.get(language)
        if version is None:
            others.append(OtherLanguage(language, MISSING))
            continue
        source = own if _is_source(own) else version if _is_source(version) else None
        behind = source is not None and source.translation_status == OUTDATED
        others.append(
            OtherLanguage(
                language,
                OUTDATED if behind else UP_TO_DATE,
                version,
                is_source=source is version,
            )
        )
    return versions, others
