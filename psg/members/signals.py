"""Signal handlers of the members app."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

SECRETARY_GROUP = "Membership secretary"


def create_membership_secretary_group(sender, app_config, using="default", **kwargs):
    """Create the "Membership secretary" group, or bring its permissions up to date.

    The group may use the Wagtail admin and has every permission of the members
    app (members, payments, consents, Gift Aid, types, the export and import
    permissions, the membership settings) and those of bulletin subscribers.
    Safe to run after every migrate.
    """
    # Django creates an app's permissions in its own post_migrate handler, which
    # may run after this one; create them first so a fresh database gets them.
    create_permissions(app_config, verbosity=0, using=using)
    # Bulletin subscribers are personal data too: the secretary's, not editors'.
    create_permissions(apps.get_app_config("bulletin"), verbosity=0, using=using)
    group, _created = Group.objects.using(using).get_or_create(name=SECRETARY_GROUP)
    permissions = (
        Permission.objects.using(using).filter(content_type__app_label=app_config.label)
        | Permission.objects.using(using).filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        | Permission.objects.using(using).filter(
            content_type__app_label="bulletin", codename__endswith="_subscriber"
        )
    )
    group.permissions.add(*permissions)
