"""The Spanish of the demo content, beside the English modules it translates.

Each translated page or snippet is a ``TranslationSpec``: every English
string of it mapped to its Spanish, as the translation editor pairs them.
The English is written out again on purpose, as in a PO file: when an
English demo text changes, its Spanish no longer matches, and the demo
tests name the string left untranslated.
"""
