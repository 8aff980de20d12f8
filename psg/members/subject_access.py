"""Everything held about one member, as JSON or CSV (a subject access copy).

The apps above members add what they hold through ``subject_access_requested``.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from psg.core.spreadsheets import escape_cell
from psg.members.models import CONTACT_FIELDS, MEMBERSHIP_FIELDS, Member
from psg.members.signals import subject_access_requested

MEMBER_FIELDS = [
    "id",
    *CONTACT_FIELDS,
    *MEMBERSHIP_FIELDS,
    "bulletin_consent",
    "events_consent",
    "language",
    "notes",
]
CONSENT_FIELDS = ["kind", "given", "wording", "wording_version", "source"]
GIFT_AID_FIELDS = ["wording", "wording_version", "declared_at", "cancelled_at"]
PAYMENT_FIELDS = [
    "date",
    "amount",
    "method",
    "reference",
    "period_start",
    "period_end",
    "created_at",
]
REMINDER_FIELDS = ["kind", "period_end", "sent_at", "created_at"]


def _row(obj, fields):
    return {name: getattr(obj, name) for name in fields}


def member_data(member):
    """A dict of the member's data and every record about them."""
    details = _row(member, MEMBER_FIELDS)
    details["country"] = member.country.code or ""
    details["membership_type"] = member.membership_type.name
    data = {
        "exported_at": timezone.now(),
        "member": details,
        "consents": [
            {**_row(consent, CONSENT_FIELDS), "recorded_at": consent.recorded_at}
            for consent in member.consents.order_by("recorded_at", "pk")
        ],
        "gift_aid_declarations": [
            _row(declaration, GIFT_AID_FIELDS)
            for declaration in member.gift_aid_declarations.order_by("declared_at")
        ],
        "payments": [
            _row(payment, PAYMENT_FIELDS)
            for payment in member.payments.order_by("date", "pk")
        ],
        "renewal_reminders": [
            _row(reminder, REMINDER_FIELDS)
            for reminder in member.renewal_reminders.order_by("period_end", "pk")
        ],
    }
    for _receiver, (section, rows) in subject_access_requested.send(
        sender=Member, member=member
    ):
        data[section] = rows
    return data


def as_json(member):
    return json.dumps(
        member_data(member), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
    )


def _text(value):
    """A cell: a spreadsheet shows what a member typed but never runs it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return escape_cell(str(value))


def as_csv(member):
    """One row per value: record, number (within its kind), field, value.

    A single file that opens in any spreadsheet, whatever the number of
    payments or consents.
    """
    data = member_data(member)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["record", "number", "field", "value"])
    writer.writerow(["export", 1, "exported_at", _text(data["exported_at"])])
    for field, value in data["member"].items():
        writer.writerow(["member", 1, field, _text(value)])
    records = [key for key in data if key not in ("exported_at", "member")]
    for record in records:
        for number, row in enumerate(data[record], start=1):
            for field, value in row.items():
                writer.writerow([record, number, field, _text(value)])
    return out.getvalue()
