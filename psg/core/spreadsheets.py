"""Cells of CSV files that people open in spreadsheet programs.

A cell starting with one of FORMULA_TRIGGERS is a formula to Excel,
LibreOffice or Google Sheets (CSV injection): every CSV the site writes puts
an apostrophe in front, which the spreadsheet hides, and the desk's import
takes it off again. Used by the desk's export and import, by a member's
own download and by the bulletin's subscribers' export (docs/security.md,
"Other checks").

An XLSX file keeps such a cell as text by its type (Wagtail's export marks
it so) and cannot hold most control characters: ``xlsx_text`` drops them.
"""

import datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """``value`` as a spreadsheet shows it but never runs it."""
    if value and (value[0] in FORMULA_TRIGGERS or value[0] == "'"):
        return "'" + value
    return value


def unescape_cell(value):
    """What ``escape_cell`` was given."""
    if len(value) > 1 and value[0] == "'" and value[1] in (*FORMULA_TRIGGERS, "'"):
        return value[1:]
    return value


def xlsx_text(value):
    """``value`` without the control characters an XLSX cell cannot hold
    (openpyxl refuses them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def format_datetime(value):
    """UTC, to the second: 2026-01-31 14:05:00+00:00."""
    if value is None:
        return ""
    return value.astimezone(datetime.UTC).isoformat(sep=" ", timespec="seconds")
