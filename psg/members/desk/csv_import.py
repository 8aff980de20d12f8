"""Members from CSV: rows are matched to members by email address
(case-insensitively); a match is updated, anything else creates a member. A
file with any error imports nothing unless the secretary asks to skip the rows
with errors; the whole import is one transaction. docs/membership.md says more.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from psg.members.models import Consent, GiftAidDeclaration, normalise_email

from .csv_columns import unescape_cell
from .csv_export import latest_consents
from .csv_rows import ImportFileError, RowReader, read_rows


@dataclass
class ImportResult:
    file_error: str = ""
    errors: list = field(default_factory=list)
    skipped_rows: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    imported: bool = False  # whether the rows were written

    @property
    def ok(self):
        return not self.file_error and not (self.errors and not self.imported)


def same_second(a, b):
    return a.replace(microsecond=0) == b.replace(microsecond=0)


def _wording(kind_or_gift_aid, version, membership_settings):
    """The exact wording of a version, as far as the records know it."""
    if kind_or_gift_aid == "gift-aid":
        if version == membership_settings.gift_aid_wording_version:
            return membership_settings.gift_aid_wording
        earlier = GiftAidDeclaration.objects.filter(wording_version=version)
    else:
        if version == membership_settings.consent_wording_version:
            return getattr(
                membership_settings,
                f"{Consent.Kind(kind_or_gift_aid).value}_consent_wording",
            )
        earlier = Consent.objects.filter(kind=kind_or_gift_aid, wording_version=version)
    wording = (
        earlier.exclude(wording="")
        .order_by("-pk")
        .values_list("wording", flat=True)
        .first()
    )
    return wording or f"(Imported: the wording of version {version} is not on record.)"


def apply_plan(plan, membership_settings, now):
    """Write one validated row; return "created", "updated" or "unchanged"."""
    member = plan.form.instance
    outcome = "unchanged"
    if not plan.existing:
        member.save()
        outcome = "created"
    elif RowReader._comparable(member) != plan.before:
        member.save()
        outcome = "updated"
    if plan.existing:
        latest = latest_consents(member)
    else:
        latest = {}
    for kind, (given, recorded_at, version) in plan.consents.items():
        if _apply_consent(
            member,
            kind,
            (given, recorded_at, version),
            latest,
            membership_settings,
            now,
        ):
            outcome = "updated" if outcome == "unchanged" else outcome
    declared_at, version = plan.gift_aid
    if declared_at is not None:
        version = version or membership_settings.gift_aid_wording_version
        declarations = member.gift_aid_declarations.all() if plan.existing else []
        if not any(
            same_second(declaration.declared_at, declared_at)
            and declaration.wording_version == version
            for declaration in declarations
        ):
            GiftAidDeclaration.objects.create(
                member=member,
                wording=_wording("gift-aid", version, membership_settings),
                wording_version=version,
                declared_at=declared_at,
            )
            outcome = "updated" if outcome == "unchanged" else outcome
    return outcome


def _apply_consent(member, kind, cells, latest, membership_settings, now):
    """Record the row's consent if it differs from what is on record.

    Just a yes or no (no date, no version) is recorded only if it changes the
    member's flag; with a date or version, also if the latest record differs.
    """
    given, recorded_at, version = cells
    current = getattr(member, Consent.Kind(kind).member_field)
    if recorded_at is None and not version:
        if given == current:
            return False
    else:
        previous = latest.get(kind)
        if (
            given == current
            and previous is not None
            and previous.given == given
            and (not version or previous.wording_version == version)
            and (recorded_at is None or same_second(previous.recorded_at, recorded_at))
        ):
            return False
    version = version or membership_settings.consent_wording_version
    member.record_consent(
        kind,
        given,
        _wording(kind, version, membership_settings),
        version,
        Consent.Source.IMPORT,
        when=recorded_at or now,
    )
    return True


def import_members(upload, membership_settings, skip_errors=False):
    """Read an uploaded CSV file and, if it is all good (or ``skip_errors``),
    write its members. Returns an ImportResult."""
    result = ImportResult()
    try:
        header, rows = read_rows(upload)
    except ImportFileError as error:
        result.file_error = str(error)
        return result
    now = timezone.now()
    try:
        with transaction.atomic():
            reader = RowReader(membership_settings)
            email_index = header.index("email")
            reader.load_members(
                {
                    normalise_email(cells[email_index]).lower()
                    for _row, cells in rows
                    if len(cells) > email_index
                }
            )
            plans = []
            for row, cells in rows:
                if len(cells) != len(header):
                    reader.error(
                        row,
                        "",
                        ngettext(
                            "This row has %(count)s cell; "
                            "the first row has %(columns)s.",
                            "This row has %(count)s cells; "
                            "the first row has %(columns)s.",
                            len(cells),
                        )
                        % {"count": len(cells), "columns": len(header)},
                    )
                    continue
                values = {
                    column: unescape_cell(cell)
                    for column, cell in zip(header, cells, strict=True)
                }
                plan = reader.read(row, values)
                if plan is not None:
                    plans.append(plan)
            result.errors = reader.errors
            result.skipped_rows = sorted({error.row for error in reader.errors})
            if reader.errors and not skip_errors:
                return result
            for plan in plans:
                outcome = apply_plan(plan, membership_settings, now)
                setattr(result, outcome, getattr(result, outcome) + 1)
            result.imported = True
    except IntegrityError as error:
        return ImportResult(
            file_error=_(
                "Nothing was imported: the database refused a row (%(error)s)."
            )
            % {"error": error}
        )
    return result
