"""Signal handlers of the bulletin app."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from psg.core.permissions import EDITOR_GROUPS
from psg.members.signals import SECRETARY_GROUP

EDITION_MODELS = ("bulletinseries", "edition", "editionitem")
# Sending an edition to every subscriber is a right of its own (see the
# Edition model): the moderators and the membership secretary hold it, not
# every editor. The secretary also sees the editions, to find the one to send.
SEND_PERMISSION = "send_edition"
SENDER_GROUPS = ("Moderators", SECRETARY_GROUP)
SENDER_EXTRA_PERMISSIONS = ("view_edition",)


def grant_editors_edition_permissions(sender, app_config, using="default", **kwargs):
    """Let the site's editors compose editions; subscribers stay out of reach.

    The permission to send editions to subscribers goes to the moderators and
    the membership secretary only. Safe to run after every migrate; a group
    that doesn't exist is skipped. It only adds: a permission someone granted
    or took away by hand in the admin stays as they left it, apart from these.
    """
    create_permissions(app_config, verbosity=0, using=using)
    bulletin = Permission.objects.using(using).filter(
        content_type__app_label=app_config.label
    )
    editing = bulletin.filter(content_type__model__in=EDITION_MODELS).exclude(
        codename=SEND_PERMISSION
    )
    for group in Group.objects.using(using).filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*editing)
    sending = bulletin.filter(codename__in=(SEND_PERMISSION, *SENDER_EXTRA_PERMISSIONS))
    for group in Group.objects.using(using).filter(name__in=SENDER_GROUPS):
        group.permissions.add(*sending)
