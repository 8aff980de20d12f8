"""Signal handlers of the bulletin app: its groups' permissions after every
migrate, and its part in what happens to a member (psg.members.signals)."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from psg.core.permissions import EDITOR_GROUPS, MODERATORS_GROUP, SECRETARY_GROUP
from psg.members.models import Consent

from . import subscriptions

EDITION_MODELS = ("bulletinseries", "edition", "editionitem")
# Sending an edition to every subscriber is a right of its own (see the
# Edition model): the moderators and the membership secretary hold it, not
# every editor. The secretary also sees the editions, to find the one to send.
SEND_PERMISSION = "send_edition"
SENDER_GROUPS = (MODERATORS_GROUP, SECRETARY_GROUP)
SENDER_EXTRA_PERMISSIONS = ("view_edition",)


def grant_editors_edition_permissions(sender, app_config, using="default", **kwargs):
    """Let the site's editors compose editions; subscribers stay out of reach.

    The permission to send editions to subscribers goes to the moderators and
    the membership secretary only, and the subscribers (personal data) to the
    secretary alone. Safe to run after every migrate; a group that doesn't
    exist is skipped. It only adds: a permission someone granted or took away
    by hand in the admin stays as they left it, apart from these.
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
    subscribers = bulletin.filter(codename__endswith="_subscriber")
    for group in Group.objects.using(using).filter(name=SECRETARY_GROUP):
        group.permissions.add(*subscribers)


def follow_bulletin_consent(sender, member, consent, **kwargs):
    """The member's subscriber row follows each bulletin consent recorded."""
    if consent.kind == Consent.Kind.BULLETIN:
        subscriptions.sync_member_subscription(member, when=consent.recorded_at)


def follow_member_address(sender, member, old, new, **kwargs):
    """The member's subscriber row follows their change of address."""
    subscriptions.follow_member_address(member, old, new)


def follow_member_language(sender, instance, update_fields=None, **kwargs):
    """A member's subscriber row is written to in the member's language,
    however it was changed (their details, the desk, an import)."""
    if update_fields is None or "language" in update_fields:
        subscriptions.follow_member_language(instance)


def erase_subscription(sender, member, **kwargs):
    """An erased member's subscriber rows go too."""
    return subscriptions.erase_member_subscription(member)


def subscription_for_subject_access(sender, member, **kwargs):
    return "bulletin_subscription", subscriptions.member_subscription_rows(member)
