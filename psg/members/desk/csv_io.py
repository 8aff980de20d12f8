"""Members to CSV and back.

The export writes one row per member with the columns in ``COLUMNS``; the
import reads the same columns, so an exported file imports again without
loss. Rows are matched to members by email address (case-insensitively):
a match is updated, anything else creates a member. A file with any error
imports nothing unless the secretary asks to skip the rows with errors; the
whole import is one transaction. docs/membership.md describes the columns.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django_countries import countries

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from psg.members.models import (
    CONTACT_FIELDS,
    MEMBERSHIP_FIELDS,
    Consent,
    GiftAidDeclaration,
    Member,
    MembershipType,
    PaymentMethod,
    new_payment_reference,
    normalise_email,
)

# Member fields, in the order of the form on the member's page.
MEMBER_FIELDS = [*CONTACT_FIELDS, *MEMBERSHIP_FIELDS, "notes"]

CONSENT_KINDS = [Consent.Kind.BULLETIN, Consent.Kind.EVENTS]

COLUMNS = [
    "number",
    *MEMBER_FIELDS[:-1],
    "bulletin_consent",
    "bulletin_consent_recorded_at",
    "bulletin_consent_wording_version",
    "events_consent",
    "events_consent_recorded_at",
    "events_consent_wording_version",
    "gift_aid_declared_at",
    "gift_aid_wording_version",
    "notes",
    "created_at",
    "updated_at",
]

# Written for reference; the import ignores them (and doesn't need them).
INFORMATION_COLUMNS = {"number", "created_at", "updated_at"}
REQUIRED_COLUMNS = [column for column in COLUMNS if column not in INFORMATION_COLUMNS]

MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; about 500 members take 300 kB
MAX_ROWS = 10_000

YES = "yes"
NO = "no"
TRUE_VALUES = {"yes", "y", "true", "1"}
FALSE_VALUES = {"no", "n", "false", "0", ""}

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

# A cell starting with one of these is a formula to a spreadsheet program; the
# export puts an apostrophe in front (which the spreadsheet hides) and the
# import takes it off again.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    if value and (value[0] in FORMULA_TRIGGERS or value[0] == "'"):
        return "'" + value
    return value


def unescape_cell(value):
    if len(value) > 1 and value[0] == "'" and value[1] in (*FORMULA_TRIGGERS, "'"):
        return value[1:]
    return value


def format_datetime(value):
    """UTC, to the second: 2026-01-31 14:05:00+00:00."""
    if value is None:
        return ""
    return value.astimezone(datetime.UTC).isoformat(sep=" ", timespec="seconds")


def same_second(a, b):
    return a.replace(microsecond=0) == b.replace(microsecond=0)


# Export ----------------------------------------------------------------------


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


# Import ----------------------------------------------------------------------


@dataclass
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str


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


class ImportFileError(Exception):
    pass


class MemberRowForm(forms.ModelForm):
    """Validates the member fields of one row, as the admin form would."""

    joined = forms.DateField(input_formats=DATE_INPUT_FORMATS)
    current_period_end = forms.DateField(
        input_formats=DATE_INPUT_FORMATS, required=False
    )
    notes = forms.CharField(required=False, strip=False)

    class Meta:
        model = Member
        fields = MEMBER_FIELDS


@dataclass
class RowPlan:
    row: int
    form: MemberRowForm
    existing: bool
    before: dict
    consents: dict  # kind -> (given, recorded_at or None, version)
    gift_aid: tuple  # (declared_at or None, version)


def read_rows(upload):
    """The data rows of an uploaded CSV file as (row number, dict) pairs.

    Raises ImportFileError with a message for the secretary if the file can't
    be used at all.
    """
    if upload.size > MAX_FILE_SIZE:
        raise ImportFileError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {
                "size": f"{upload.size / 1024 / 1024:.1f}",
                "limit": MAX_FILE_SIZE // 1024 // 1024,
            }
        )
    if not upload.name.lower().endswith(".csv"):
        raise ImportFileError(
            _("Choose a CSV file (its name ends in .csv), such as an export.")
        )
    raw = upload.read(MAX_FILE_SIZE + 1)
    if not raw.strip():
        raise ImportFileError(_("The file is empty."))
    if b"\x00" in raw:
        raise ImportFileError(
            _(
                "This is not a CSV file. In a spreadsheet program, save it as "
                "“CSV UTF-8 (comma delimited)”."
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "The file is not in UTF-8. In a spreadsheet program, save it as "
                "“CSV UTF-8 (comma delimited)”."
            )
        ) from None
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(
            _("The file could not be read as CSV: %(error)s") % {"error": error}
        ) from None
    header = [cell.strip() for cell in lines[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    duplicated = sorted({column for column in header if header.count(column) > 1})
    problems = []
    if missing:
        problems.append(_("missing: %(columns)s") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(_("unknown: %(columns)s") % {"columns": ", ".join(unknown)})
    if duplicated:
        problems.append(_("repeated: %(columns)s") % {"columns": ", ".join(duplicated)})
    if problems:
        raise ImportFileError(
            _("The first row must name the columns of an export. Columns %(problems)s.")
            % {"problems": "; ".join(problems)}
        )
    data_lines = lines[1:]
    if len(data_lines) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(limit)s rows; split it up.")
            % {"limit": MAX_ROWS}
        )
    rows = []
    for index, cells in enumerate(data_lines, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        rows.append((index, cells))
    if not rows:
        raise ImportFileError(_("The file has no members in it, only the header."))
    return header, rows


def parse_bool(value):
    value = value.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ValueError(_("Enter yes or no."))


def parse_datetime_cell(value):
    value = value.strip()
    if not value:
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(
            _("Enter a date and time like 2026-01-31 14:05:00+00:00.")
        ) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


class RowReader:
    """Turns rows into validated plans, collecting errors."""

    def __init__(self, membership_settings):
        self.settings = membership_settings
        self.types = {}
        for membership_type in MembershipType.objects.all():
            self.types[membership_type.name.lower()] = membership_type
            self.types[str(membership_type).lower()] = membership_type
        self.methods = self._choice_map(PaymentMethod.choices)
        self.statuses = self._choice_map(Member.Status.choices)
        self.members = {}
        self.errors = []
        self.seen_emails = {}
        self.seen_references = {}

    @staticmethod
    def _choice_map(choices):
        mapping = {}
        for value, label in choices:
            mapping[value.lower()] = value
            mapping[str(label).lower()] = value
        return mapping

    def load_members(self, emails):
        """Fetch the members these (lower-cased) addresses belong to."""
        if not emails:
            return
        queryset = export_queryset(
            Member.objects.annotate(email_lower=Lower("email")).filter(
                email_lower__in=emails
            )
        )
        for member in queryset:
            self.members[member.email.lower()] = member

    def error(self, row, column, message):
        self.errors.append(RowError(row, column, str(message)))

    def read(self, row, values):
        """A RowPlan for the row, or None if it has errors (recorded)."""
        errors_before = len(self.errors)
        email = normalise_email(values["email"])
        member = self.members.get(email.lower()) if email else None
        if member is not None and member.erased_at:
            self.error(
                row, "email", _("This address belonged to a member who was erased.")
            )
            return None
        data = {name: values[name].strip() for name in MEMBER_FIELDS}
        data["notes"] = values["notes"]  # kept exactly, line breaks and all
        data["email"] = email
        self._resolve_choices(row, data, member)
        self._check_repeats(row, data, email)
        before = self._comparable(member) if member else {}
        form = MemberRowForm(data=data, instance=member)
        reported = {error.column for error in self.errors[errors_before:]}
        if not form.is_valid():
            for column, messages in form.errors.items():
                if column in reported:
                    continue  # already explained better
                for message in messages:
                    if column == "__all__" and "member_email_unique" in message:
                        self.error(
                            row, "email", _("Another member has this email address.")
                        )
                    else:
                        self.error(row, "" if column == "__all__" else column, message)
        consents = {}
        for kind in CONSENT_KINDS:
            prefix = Consent.Kind(kind).member_field
            consents[kind] = (
                self._cell(row, prefix, values, parse_bool),
                self._cell(row, f"{prefix}_recorded_at", values, parse_datetime_cell),
                self._version(row, f"{prefix}_wording_version", values),
            )
        declared_at = self._cell(
            row, "gift_aid_declared_at", values, parse_datetime_cell
        )
        gift_aid_version = self._version(row, "gift_aid_wording_version", values)
        if (
            gift_aid_version
            and declared_at is None
            and not values["gift_aid_declared_at"].strip()
        ):
            self.error(
                row,
                "gift_aid_declared_at",
                _("Give the date of the Gift Aid declaration too."),
            )
        if len(self.errors) > errors_before:
            return None
        return RowPlan(
            row=row,
            form=form,
            existing=member is not None,
            before=before,
            consents=consents,
            gift_aid=(declared_at, gift_aid_version),
        )

    def _cell(self, row, column, values, parse):
        try:
            return parse(values[column])
        except ValueError as error:
            self.error(row, column, error.args[0])
            return None

    def _version(self, row, column, values):
        version = values[column].strip()
        if len(version) > 20:
            self.error(row, column, _("Use at most 20 characters."))
        return version

    def _resolve_choices(self, row, data, member):
        name = data["membership_type"]
        if name:
            membership_type = self.types.get(name.lower())
            if membership_type is None:
                self.error(
                    row,
                    "membership_type",
                    _("There is no membership type called “%(name)s”.")
                    % {"name": name},
                )
                data["membership_type"] = ""
            else:
                data["membership_type"] = str(membership_type.pk)
        for column, mapping in [
            ("payment_method", self.methods),
            ("status", self.statuses),
        ]:
            value = data[column]
            if value:
                data[column] = mapping.get(value.lower(), value)
        country = data["country"]
        if country:
            data["country"] = countries.alpha2(country) or (
                countries.by_name(country) or country
            )
        # An empty cell for these keeps what the member has, or gives a new
        # member the usual default.
        if not data["status"]:
            data["status"] = member.status if member else Member.Status.AWAITING_PAYMENT
        if not data["joined"]:
            data["joined"] = (
                member.joined if member else timezone.localdate()
            ).isoformat()
        if not data["payment_reference"]:
            data["payment_reference"] = (
                member.payment_reference if member else new_payment_reference()
            )

    def _check_repeats(self, row, data, email):
        if email:
            first = self.seen_emails.setdefault(email.lower(), row)
            if first != row:
                self.error(
                    row,
                    "email",
                    _("Row %(row)s has this email address too.") % {"row": first},
                )
        reference = data["payment_reference"].upper()
        if reference:
            first = self.seen_references.setdefault(reference, row)
            if first != row:
                self.error(
                    row,
                    "payment_reference",
                    _("Row %(row)s has this payment reference too.") % {"row": first},
                )

    @staticmethod
    def _comparable(member):
        values = model_to_dict(member, fields=MEMBER_FIELDS)
        values["country"] = member.country.code or ""
        return values


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
