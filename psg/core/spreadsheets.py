"""Cells of CSV files that people open in spreadsheet programs.

A cell starting with one of FORMULA_TRIGGERS is a formula to Excel,
LibreOffice or Google Sheets (CSV injection): every CSV the site writes puts
an apostrophe in front, which the spreadsheet hides, and the desk's import
takes it off again. Used by the desk's export and import and by a member's
own download (docs/security.md, "Other checks").
"""

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
