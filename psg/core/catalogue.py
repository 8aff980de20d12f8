"""The interface strings catalogue, in pure Python: extract, update, check, compile.

Django's `makemessages` and `compilemessages` call GNU gettext, which a bare
machine lacks. Babel reads the Python sources itself, and Django's own
`templatize` turns each template into the code that `makemessages` would hand
to xgettext, so the strings found are the ones Django's tools would find.

    python -m psg.core.catalogue update    re-extract, keep every translation
    python -m psg.core.catalogue check     fail if the catalogues are incomplete
    python -m psg.core.catalogue compile   write each .mo next to its .po

`make messages` runs `update`, `make install` compiles; docs/translation.md.
"""

import io
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from django.utils.translation.template import templatize

SOURCE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = SOURCE_DIR / "locale"
DOMAIN = "django"
# Every language but the default English, whose strings are the msgids.
TRANSLATED_LANGUAGES = ("es",)
PROJECT = "Peru Support Group"

# The marking functions used in psg/ and the arguments holding the strings.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("Translators:",)


def extract_django_template(fileobj, keywords, comment_tags, options):
    """Babel extraction method for a Django template.

    `templatize` keeps each string on its template line; its blanked-out text
    keeps the template's indentation, which Python's tokenizer would reject,
    so every line is left-aligned first.
    """
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    code = templatize(source, origin=getattr(fileobj, "name", None))
    code = "\n".join(line.lstrip() for line in code.splitlines())
    yield from extract_python(
        io.BytesIO(code.encode()), keywords, comment_tags, {"encoding": "utf-8"}
    )


METHOD_MAP = [
    ("**/tests/**", "ignore"),
    ("**/migrations/**", "ignore"),
    ("locale/**", "ignore"),
    ("**.py", "python"),
    ("**/templates/**.html", extract_django_template),
    ("**/templates/**.txt", extract_django_template),
]


def extract(source_dir=SOURCE_DIR):
    """A template catalogue (no translations) of every string marked in psg/."""
    template = Catalog(project=PROJECT, fuzzy=False)
    found = extract_from_dir(
        str(source_dir),
        METHOD_MAP,
        {},
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        location = (str(Path(source_dir.name) / filename), lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language):
    """The catalogue of one language as committed, or an empty one."""
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project=PROJECT, fuzzy=False)
    with path.open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


HEADER_COMMENT = """\
# Interface strings of the Peru Support Group platform, in %(language)s.
# `make messages` updates this file from the source; docs/translation.md
# says how to translate and check it."""


def write(catalog, path):
    """Write a .po without line numbers, so moving a string churns nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.header_comment = HEADER_COMMENT % {
        "language": catalog.locale.english_name if catalog.locale else "?"
    }
    catalog.version = "1"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = PROJECT
    catalog.language_team = PROJECT
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=79,
        sort_output=True,
        ignore_obsolete=True,
        include_lineno=False,
    )
    path.write_bytes(buffer.getvalue())


def update(languages=TRANSLATED_LANGUAGES):
    """Merge a fresh extraction into each .po; new strings come in untranslated."""
    template = extract()
    for language in languages:
        catalog = read(language)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.fuzzy = False
        write(catalog, po_path(language))
    return template


PLACEHOLDER = re.compile(
    r"%\((?P<named>[^)]+)\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"
    r"|\{[A-Za-z_][A-Za-z0-9_.]*\}"
)


def placeholders(text):
    """The formatting placeholders of a string, counted: %(name)s, %s, {name}."""
    return Counter(match.group(0) for match in PLACEHOLDER.finditer(text))


def _key(message):
    return (message.context, message.id)


def problems(language, template=None, catalog=None):
    """What keeps a catalogue from being complete, one line each; [] when it is.

    ``template`` defaults to a fresh extraction, ``catalog`` to the .po.
    """
    template = template or extract()
    catalog = catalog or read(language)
    found = []
    if catalog.fuzzy:
        found.append(f"{language}: the header is marked fuzzy")
    known = {_key(message) for message in catalog if message.id}
    for message in template:
        if message.id and _key(message) not in known:
            found.append(f"{language}: not in the catalogue: {message.id!r}")
    wanted = {_key(message) for message in template if message.id}
    for message in catalog:
        if not message.id:
            continue
        found.extend(_message_problems(language, message, wanted))
    return found


def _message_problems(language, message, wanted):
    name = repr(message.id)
    if _key(message) not in wanted:
        yield f"{language}: no longer in the source: {name}"
    if message.fuzzy:
        yield f"{language}: fuzzy: {name}"
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    strings = (
        message.string
        if isinstance(message.string, tuple | list)
        else (message.string,)
    )
    if not all(strings):
        yield f"{language}: untranslated: {name}"
        return
    # Each plural form keeps the placeholders of the plural msgid, except that
    # the singular form may spell out the number ("un informe").
    expected = placeholders(ids[-1])
    for index, string in enumerate(strings):
        if index == 0:
            source = placeholders(ids[0])
            if placeholders(string) != source and not (
                len(ids) > 1 and placeholders(string) <= expected
            ):
                yield f"{language}: placeholders differ: {name} -> {string!r}"
        elif placeholders(string) != expected:
            yield f"{language}: placeholders differ: {name} -> {string!r}"


def mo_path(language):
    return po_path(language).with_suffix(".mo")


def compile_po(po_file):
    """Write the .mo beside a .po, atomically, so parallel test workers agree."""
    po_file = Path(po_file)
    with po_file.open("rb") as po:
        catalog = read_po(po)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    handle, temporary = tempfile.mkstemp(dir=po_file.parent, suffix=".mo.tmp")
    with os.fdopen(handle, "wb") as mo:
        mo.write(buffer.getvalue())
    os.replace(temporary, po_file.with_suffix(".mo"))


def compile_stale(languages=TRANSLATED_LANGUAGES):
    """Compile each catalogue whose .mo is missing or older than its .po."""
    compiled = []
    for language in languages:
        po, mo = po_path(language), mo_path(language)
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            compile_po(po)
            compiled.append(language)
    return compiled


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        template = update()
        print(f"{len(template)} strings extracted into {LOCALE_DIR}")
        for language in TRANSLATED_LANGUAGES:
            missing = [p for p in problems(language, template) if "untranslated" in p]
            print(f"{language}: {len(missing)} to translate")
        return 0
    if command == "check":
        template = extract()
        found = [p for lang in TRANSLATED_LANGUAGES for p in problems(lang, template)]
        print("\n".join(found) or "The catalogues are complete.")
        return 1 if found else 0
    if command == "compile":
        for po_file in argv[2:] or [po_path(lang) for lang in TRANSLATED_LANGUAGES]:
            compile_po(po_file)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
