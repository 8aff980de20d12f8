"""Settings → Imported legacy items: what the importer made of each item of
the old site, for editors checking the import. Read only: the importer alone
writes these records (docs/legacy-import.md)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from psg.core.admin_views import ReadOnlyModelViewSet

from .models import LegacyItem


class LegacyItemViewSet(ReadOnlyModelViewSet):
    model = LegacyItem
    name = "legacy_items"
    url_prefix = "legacy-items"
    icon = "history"
    menu_label = _("Imported legacy items")
    add_to_settings_menu = True
    list_display = ["title", "kind", "date", "page", "updated_at"]
    list_filter = ["kind", "from_listing", "from_article", "body_source"]
    ordering = ["-date", "title"]
    search_fields = ["title", "normalised_title"]
    search_backend_name = None  # the database's own matching: no index
    inspect_view_fields = [
        "title",
        "kind",
        "date",
        "date_precision",
        "page",
        "legacy_paths",
        "bulletin_name",
        "bulletin_number",
        "from_listing",
        "from_article",
        "teaser_source",
        "body_source",
        "imported_regions",
        "imported_topics",
        "source_files",
        "created_at",
        "updated_at",
    ]


@hooks.register("register_admin_viewset")
def register_legacy_items():
    return LegacyItemViewSet()
