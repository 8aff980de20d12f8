from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published, page_unpublished, post_page_move


class CoreConfig(AppConfig):
    name = "psg.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # These read models, which need the app registry ready.
        from wagtail.models import Page, PageViewRestriction, Site

        from psg.core import chrome, structure

        # What every worker keeps until an editor changes it
        # (psg.core.structure): the chrome, the sites, view restrictions.
        structure.watch(*chrome.SOURCES, Site, Page, PageViewRestriction)
        post_save.connect(structure.changed, dispatch_uid="psg-structure-save")
        post_delete.connect(structure.changed, dispatch_uid="psg-structure-delete")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(structure.changed, dispatch_uid="psg-structure-pages")
