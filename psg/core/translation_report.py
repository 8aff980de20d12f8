"""Reports → "Translations to do": every page that lacks a translation or
whose translation is older than its source (psg.core.translation_status says
how that is decided), for the people who edit pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .translation_status import MISSING, OUTDATED, with_translation_status

STATUS_LABELS = {
    MISSING: _("No translation"),
    OUTDATED: _("Translation out of date"),
}


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
