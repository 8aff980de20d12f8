"""Signal handlers of the bulletin app."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

# Wagtail's own groups of people who write for the site.
EDITOR_GROUPS = ("Editors", "Moderators")
EDITION_MODELS = ("bulletinseries", "edition", "editionitem")


def grant_editors_edition_permissions(sender, app_config, using="default", **kwargs):
    """Let the site's editors compose editions; subscribers stay out of reach.

    Safe to run after every migrate; a group that doesn't exist is skipped.
    """
    create_permissions(app_config, verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label=app_config.label,
        content_type__model__in=EDITION_MODELS,
    )
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)
