"""The "Membership secretary" group, made and kept up to date after every
migrate."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from psg.core.permissions import SECRETARY_GROUP


def create_membership_secretary_group(sender, app_config, using="default", **kwargs):
    """Create the "Membership secretary" group, or bring its permissions up to date.

    The group may use the Wagtail admin and has every permission of the members
    app (members, payments, consents, Gift Aid, types, the export and import
    permissions, the membership settings); apps above add their own (the
    bulletin its subscribers'). Safe to run after every migrate.
    """
    # Django creates an app's permissions in its own post_migrate handler, which
    # may run after this one; create them first so a fresh database gets them.
    create_permissions(app_config, verbosity=0, using=using)
    group, _created = Group.objects.using(using).get_or_create(name=SECRETARY_GROUP)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label=app_config.label
    ) | Permission.objects.using(using).filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(*permissions)
