"""The columns of the members CSV and how a cell is written.

The export (csv_export) writes these columns and the import (csv_rows,
csv_import) reads the same, so an exported file imports again without loss.
docs/membership.md describes each column.
"""

from psg.core.spreadsheets import (
    FORMULA_TRIGGERS,
    escape_cell,
    format_datetime,
    unescape_cell,
)
from psg.members.models import CONTACT_FIELDS, MEMBERSHIP_FIELDS, Consent

# The cell escaping and the dates live in core, shared with a member's own
# download and the bulletin's subscribers' export.
__all__ = ["FORMULA_TRIGGERS", "escape_cell", "format_datetime", "unescape_cell"]

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

YES = "yes"
NO = "no"
