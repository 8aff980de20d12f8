"""Reading a members CSV: the file checked, each row validated into a plan
(what to write) or errors (what to tell the secretary). Nothing is written
here; csv_import does that."""

import csv
import io
from dataclasses import dataclass

from django_countries import countries

from django import forms
from django.db.models.functions import Lower
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from psg.members.models import (
    Consent,
    Member,
    MembershipType,
    PaymentMethod,
    new_payment_reference,
    normalise_email,
)

from .csv_columns import COLUMNS, CONSENT_KINDS, MEMBER_FIELDS, REQUIRED_COLUMNS
from .csv_export import export_queryset

MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; about 500 members take 300 kB
MAX_ROWS = 10_000

TRUE_VALUES = {"yes", "y", "true", "1"}
FALSE_VALUES = {"no", "n", "false", "0", ""}

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


@dataclass
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str


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
    if not text.strip():
        # Only a byte order mark, or blank lines: nothing to read.
        raise ImportFileError(_("The file is empty."))
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
