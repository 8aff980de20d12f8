"""Signal handlers of the legacy app."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from psg.core.permissions import EDITOR_GROUPS


def grant_editors_view_permission(sender, app_config, using="default", **kwargs):
    """Let the site's editors see what the importer did (Settings → Imported
    legacy items): viewing only, as the importer alone writes these records.
    Safe to run after every migrate; a group that doesn't exist is skipped."""
    create_permissions(app_config, verbosity=0, using=using)
    view = Permission.objects.using(using).filter(
        content_type__app_label=app_config.label, codename="view_legacyitem"
    )
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*view)
