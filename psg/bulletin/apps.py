from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

from psg.core.purging import register_urls_for_page
from psg.members.signals import (
    consent_recorded,
    email_changed,
    member_erasing,
    subject_access_requested,
)


class BulletinConfig(AppConfig):
    name = "psg.bulletin"
    label = "bulletin"
    verbose_name = _("Bulletin")

    def ready(self):
        # Imports models, which can only be loaded once the app registry is.
        from . import signals
        from .models import Edition, EditionItem
        from .purges import archive_paths, edition_changed

        register_urls_for_page(archive_paths)
        for model in (Edition, EditionItem):
            for name, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(
                    edition_changed,
                    sender=model,
                    dispatch_uid=f"psg.bulletin.purge-{name}-{model.__name__}",
                )

        post_migrate.connect(signals.grant_editors_edition_permissions, sender=self)
        consent_recorded.connect(
            signals.follow_bulletin_consent,
            dispatch_uid="psg.bulletin.follow_bulletin_consent",
        )
        email_changed.connect(
            signals.follow_member_address,
            dispatch_uid="psg.bulletin.follow_member_address",
        )
        post_save.connect(
            signals.follow_member_language,
            sender="members.Member",
            dispatch_uid="psg.bulletin.follow_member_language",
        )
        member_erasing.connect(
            signals.erase_subscription, dispatch_uid="psg.bulletin.erase_subscription"
        )
        subject_access_requested.connect(
            signals.subscription_for_subject_access,
            dispatch_uid="psg.bulletin.subscription_for_subject_access",
        )
