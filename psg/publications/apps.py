from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "psg.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        # These import models, which load only once the registry is ready.
        from wagtail.documents import get_document_model

        from . import signals
        from .models import PublicationFile, PublicationPage

        post_save.connect(
            signals.publication_saved,
            sender=PublicationPage,
            dispatch_uid="psg.publications.publication_saved",
        )
        for signal in (post_save, post_delete):
            signal.connect(
                signals.publication_file_changed,
                sender=PublicationFile,
                dispatch_uid=f"psg.publications.file_changed.{signal is post_save}",
            )
        post_save.connect(
            signals.document_saved,
            sender=get_document_model(),
            dispatch_uid="psg.publications.document_saved",
        )
