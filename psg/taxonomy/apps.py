from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published, page_unpublished

from psg.core.page_kinds import item_models
from psg.core.purging import register_urls_for_page


class TaxonomyConfig(AppConfig):
    name = "psg.taxonomy"
    label = "taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self):
        # Modules that define or query models load once the registry is ready.
        from .activity import forget_region_activity
        from .models import Region
        from .purges import term_paths

        register_urls_for_page(term_paths)

        # The map's cached counts go stale when an item appears or goes.
        signals = {
            "published": page_published,
            "unpublished": page_unpublished,
            "deleted": post_delete,
        }
        for model in item_models():
            for name, signal in signals.items():
                signal.connect(
                    forget_region_activity,
                    sender=model,
                    dispatch_uid=f"psg-region-activity-{name}-{model.__name__}",
                )
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                forget_region_activity,
                sender=Region,
                dispatch_uid=f"psg-region-activity-{name}-region",
            )
