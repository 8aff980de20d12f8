from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published, page_unpublished, post_page_move

from psg.core.locales import TranslatedRelationsMixin


class CoreConfig(AppConfig):
    name = "psg.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # These import the models and snippets, which need the app registry
        # ready (wagtail-localize's fields for the translated relations).
        from wagtail_localize.fields import SynchronizedField, get_translatable_fields

        from psg.core import invalidation, purge_signals

        # What every worker keeps until an editor changes it
        # (psg.core.structure): the chrome, the sites, view restrictions.
        post_save.connect(invalidation.row_changed, dispatch_uid="psg-kept-save")
        post_delete.connect(invalidation.page_deleted, dispatch_uid="psg-kept-delete")
        for signal in (page_published, page_unpublished):
            signal.connect(invalidation.page_published, dispatch_uid="psg-kept-pub")
        post_page_move.connect(invalidation.page_moved, dispatch_uid="psg-kept-move")
        # What the page caches drop when an editor changes something
        # (psg.core.purging).
        purge_signals.connect()
        synchronise_relations(SynchronizedField, get_translatable_fields)


def synchronise_relations(synchronized_field, get_translatable_fields):
    """Add each page type's ``translated_relations`` (psg.core.locales) to
    the fields wagtail-localize copies from a source to its translations
    (wagtail-localize's ``SynchronizedField`` and field list, passed in by
    ``ready()``)."""
    for model in apps.get_models():
        if not issubclass(model, TranslatedRelationsMixin):
            continue
        if "translatable_fields" in model.__dict__:
            continue
        model.translatable_fields = [
            *get_translatable_fields(model),
            *(
                synchronized_field(name, overridable=False)
                for name in model.translated_relations
            ),
        ]
