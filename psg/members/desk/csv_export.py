"""Members to CSV: one row per member, in the columns of csv_columns."""

from django.db.models import Prefetch

from psg.members.models import Consent, GiftAidDeclaration

from .csv_columns import (
    COLUMNS,
    CONSENT_KINDS,
    NO,
    YES,
    escape_cell,
    format_datetime,
)


def export_queryset(queryset):
    """The queryset with what ``export_row`` reads fetched in a fixed number of
    queries."""
    return queryset.select_related("membership_type").prefetch_related(
        Prefetch(
            "consents",
            queryset=Consent.objects.order_by("-recorded_at", "-pk"),
            to_attr="consents_newest_first",
        ),
        Prefetch(
            "gift_aid_declarations",
            queryset=GiftAidDeclaration.objects.filter(
                cancelled_at__isnull=True
            ).order_by("-declared_at", "-pk"),
            to_attr="gift_aid_in_force",
        ),
    )


def latest_consents(member):
    """The latest recorded consent of each kind, by kind (missing if none)."""
    if hasattr(member, "consents_newest_first"):
        consents = member.consents_newest_first
    else:
        consents = member.consents.order_by("-recorded_at", "-pk")
    latest = {}
    for consent in consents:
        latest.setdefault(consent.kind, consent)
    return latest


def export_row(member):
    """One member as a dict of CSV cells, keyed by column."""
    if hasattr(member, "gift_aid_in_force"):
        declaration = member.gift_aid_in_force[0] if member.gift_aid_in_force else None
    else:
        declaration = member.gift_aid_declaration
    row = {
        "number": str(member.pk),
        "name": member.name,
        "organisation": member.organisation,
        "email": member.email,
        "telephone": member.telephone,
        "address_line_1": member.address_line_1,
        "address_line_2": member.address_line_2,
        "town": member.town,
        "county": member.county,
        "postcode": member.postcode,
        "country": member.country.code or "",
        "membership_type": member.membership_type.name,
        "payment_method": member.payment_method,
        "payment_reference": member.payment_reference,
        "status": member.status,
        "joined": member.joined.isoformat(),
        "current_period_end": (
            member.current_period_end.isoformat() if member.current_period_end else ""
        ),
        "gift_aid_declared_at": format_datetime(
            declaration.declared_at if declaration else None
        ),
        "gift_aid_wording_version": declaration.wording_version if declaration else "",
        "notes": member.notes,
        "created_at": format_datetime(member.created_at),
        "updated_at": format_datetime(member.updated_at),
    }
    latest = latest_consents(member)
    for kind in CONSENT_KINDS:
        prefix = Consent.Kind(kind).member_field
        consent = latest.get(kind)
        row[prefix] = YES if getattr(member, prefix) else NO
        row[f"{prefix}_recorded_at"] = format_datetime(
            consent.recorded_at if consent else None
        )
        row[f"{prefix}_wording_version"] = consent.wording_version if consent else ""
    return {column: escape_cell(row[column]) for column in COLUMNS}
