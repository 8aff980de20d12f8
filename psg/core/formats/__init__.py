"""Date and time formats per language (FORMAT_MODULE_PATH); docs/translation.md.

Templates and code name a format ("DATE_FORMAT", "YEAR_MONTH_FORMAT") rather
than spell one, so each language writes dates as its readers do. Names not
set here fall back to Django's own formats for the language.
"""
