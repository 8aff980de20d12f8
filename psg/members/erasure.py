"""Erasing a member's personal data (UK GDPR, the right to erasure).

``erase_member()``, for the member (/membership/) and the secretary (the
desk), works at once and in one transaction. It keeps the blanked Member row,
their payments unlinked, and an ErasureLog row; it deletes their records
(and, through ``member_erasing``, what the apps above hold, such as the
bulletin subscription) and scrubs the admin logs. docs/membership.md lists
exactly what goes and what stays.
"""

import json
import re

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import ModelLogEntry, Revision

from psg.members.models import (
    Consent,
    ErasureLog,
    GiftAidDeclaration,
    JoinApplication,
    Member,
    Payment,
    RenewalReminder,
    new_payment_reference,
)
from psg.members.signals import member_erasing

ERASED_NAME = "(erased)"
REDACTED = "[erased]"

PERSONAL_FIELDS_BLANKED = [
    "organisation",
    "telephone",
    "address_line_1",
    "address_line_2",
    "town",
    "county",
    "postcode",
    "country",
    "notes",
]


class Requester:
    MEMBER = "member"
    SECRETARY = "secretary"


def erased_email(member_number):
    return f"erased-{member_number}@invalid"


@transaction.atomic
def erase_member(member, requested_by):
    """Erase ``member``'s personal data everywhere; returns the ErasureLog.

    ``requested_by`` is "member" or "secretary". Erasing an erased member
    again does nothing and returns None.
    """
    if requested_by not in (Requester.MEMBER, Requester.SECRETARY):
        raise ValueError(f"Unknown requester {requested_by!r}")
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.erased_at is not None:
        return None
    number = member.pk
    terms = _search_terms(member)

    related = {
        Consent: list(member.consents.values_list("pk", flat=True)),
        GiftAidDeclaration: list(
            member.gift_aid_declarations.values_list("pk", flat=True)
        ),
        RenewalReminder: list(member.renewal_reminders.values_list("pk", flat=True)),
        Payment: list(member.payments.values_list("pk", flat=True)),
        Member: [number],
    }
    # What the apps above members hold: deleted by them, scrubbed here.
    for _receiver, deleted in member_erasing.send(sender=Member, member=member):
        related.update(deleted)
    _scrub_admin_logs(related, terms)
    _delete_tasks_mentioning(member.email)

    member.consents.all().delete()
    member.gift_aid_declarations.all().delete()
    member.renewal_reminders.all().delete()
    JoinApplication.objects.filter(email__iexact=member.email).delete()
    payments = Payment.objects.filter(member=member)
    payments.exclude(reference=member.payment_reference).update(reference="")
    payments.update(member=None)

    for name in PERSONAL_FIELDS_BLANKED:
        setattr(member, name, "")
    member.name = ERASED_NAME
    member.email = erased_email(number)
    member.payment_reference = _unused_reference()
    member.bulletin_consent = False
    member.events_consent = False
    member.status = Member.Status.CANCELLED
    member.erased_at = timezone.now()
    member.save()
    return ErasureLog.objects.create(member_number=number, requested_by=requested_by)


def _unused_reference():
    while True:
        reference = new_payment_reference()
        if not Member.objects.filter(payment_reference=reference).exists():
            return reference


def _search_terms(member):
    """What identifies the member in free text: their email, and their full
    name or organisation's name when it is distinctive enough (two words or
    more) to search the whole site's logs for without hitting other people."""
    terms = [member.email]
    for name in (member.name, member.organisation):
        name = " ".join(name.split())
        if len(name.split()) >= 2:
            terms.append(name)
    return terms


def _pattern(terms):
    return re.compile(
        "|".join(rf"(?<!\w){re.escape(term)}(?!\w)" for term in terms), re.IGNORECASE
    )


def _redact(value, pattern):
    """``value`` (text, or JSON data) with every match of ``pattern`` redacted."""
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_redact(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _redact(item, pattern) for key, item in value.items()}
    return value


def _content_types(model):
    """The content types of ``model`` and of any proxy of it (Wagtail logs an
    action under the proxy's content type)."""
    models = [
        candidate
        for candidate in apps.get_models()
        if candidate._meta.concrete_model is model
    ]
    return list(
        ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    )


def _text_matches(fields, terms):
    """A Q matching rows whose text ``fields`` contain any of ``terms``.

    JSON is searched as text, in both spellings of non-ASCII characters (SQLite
    keeps "Ñ" as "\\u00d1", PostgreSQL as it is).
    """
    query = Q()
    for term in terms:
        for spelling in {term, json.dumps(term)[1:-1]}:
            for field in fields:
                query |= Q(**{f"{field}__icontains": spelling})
    return query


def _scrub_admin_logs(related, terms):
    pattern = _pattern(terms)
    # The member's own entries and their records' entries: labels replaced,
    # names and addresses taken out of the data.
    for model, pks in related.items():
        if not pks:
            continue
        content_types = _content_types(model)
        object_ids = [str(pk) for pk in pks]
        label = f"{model._meta.verbose_name} ({REDACTED})"
        own = ModelLogEntry.objects.filter(
            content_type__in=content_types, object_id__in=object_ids
        )
        for entry in own:
            entry.label = label
            entry.data = _redact(entry.data, pattern)
            entry.save(update_fields=["label", "data"])
        for entry in LogEntry.objects.filter(
            content_type__in=content_types, object_id__in=object_ids
        ):
            entry.object_repr = label
            entry.change_message = _redact(entry.change_message, pattern)
            entry.save(update_fields=["object_repr", "change_message"])
        revisions = Revision.objects.filter(
            base_content_type__in=content_types, object_id__in=object_ids
        )
        ModelLogEntry.objects.filter(revision__in=revisions).update(revision=None)
        revisions.delete()

    # Anything else that shows the email address or the full name.
    others = ModelLogEntry.objects.annotate(data_text=Cast("data", TextField())).filter(
        _text_matches(["label", "data_text"], terms)
    )
    for entry in others:
        entry.label = _redact(entry.label, pattern)
        entry.data = _redact(entry.data, pattern)
        entry.save(update_fields=["label", "data"])
    for entry in LogEntry.objects.filter(
        _text_matches(["object_repr", "change_message"], terms)
    ):
        entry.object_repr = _redact(entry.object_repr, pattern)
        entry.change_message = _redact(entry.change_message, pattern)
        entry.save(update_fields=["object_repr", "change_message"])


def _delete_tasks_mentioning(email):
    """Background tasks (queued or finished) that carried the address, such as
    an email to them; a task running right now is left to finish."""
    fields = ["args_text", "return_text", "traceback"]
    mentioning = (
        DBTaskResult.objects.annotate(
            args_text=Cast("args_kwargs", TextField()),
            return_text=Cast("return_value", TextField()),
        )
        .filter(_text_matches(fields, [email]))
        .exclude(status=TaskResultStatus.RUNNING)
        .values_list("pk", flat=True)
    )
    DBTaskResult.objects.filter(pk__in=list(mentioning)).delete()
