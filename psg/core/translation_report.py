"""Which pages lack a translation, or whose translation is older than its
source: a report under Reports in the admin, and the same test for one page.

A page is *missing* a translation when no page of the other language shares
its translation key. A translation is *out of date* when its source page has
a revision newer than the last time wagtail-localize synchronised the
translation from it (``TranslationSource.last_updated_at``); for a pair made
without wagtail-localize, newer than the translation's own latest revision.
A page may rightly exist in one language only; the report lists it so that
an editor can decide.
"""

from wagtail_localize.models import TranslationSource

from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .locales import default_language

MISSING = "missing"
OUTDATED = "outdated"
STATUS_LABELS = {
    MISSING: _("No translation"),
    OUTDATED: _("Translation out of date"),
}


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


class StatusColumn(Column):
    def get_value(self, instance):
        return STATUS_LABELS.get(instance.translation_status, "")


class CounterpartColumn(Column):
    cell_template_name = "core/translation_report_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.counterpart_id:
            context["url"] = reverse(
                "wagtailadmin_pages:edit", args=[instance.counterpart_id]
            )
        return context


class TranslationReportView(ReportView):
    """Every page that lacks a translation or whose translation is out of
    date, for the people who edit pages."""

    page_title = _("Translations to do")
    header_icon = "globe"
    index_url_name = "translation_report"
    index_results_url_name = "translation_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        StatusColumn("translation_status", label=_("To do")),
        DateColumn("latest_revision_created_at", label=_("Changed")),
        CounterpartColumn("counterpart_id", label=_("Translation")),
    ]
    list_export = ["title", "locale", "translation_status", "url_path"]

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        ).filter(depth__gt=1)
        return (
            with_translation_status(pages)
            .exclude(translation_status__isnull=True)
            .select_related("locale")
            .order_by("-latest_revision_created_at", "pk")
        )
