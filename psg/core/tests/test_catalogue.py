"""The interface strings catalogue: complete, faithful to its placeholders, and
extracted as Django's makemessages would extract it."""

import io

from babel.messages.catalog import Catalog
from babel.messages.extract import extract

from django.utils import translation

from psg.core import catalogue


def test_the_spanish_catalogue_is_complete_and_current():
    # A fresh extraction of psg/ against the committed .po: every msgid is in
    # it, translated, not fuzzy, with its placeholders; none is left over.
    assert catalogue.problems("es") == []


def test_the_catalogue_says_spanish_has_two_plural_forms():
    spanish = catalogue.read("es")

    assert spanish.plural_forms == "nplurals=2; plural=(n != 1);"
    assert not spanish.fuzzy


def _template(*messages):
    template = Catalog(fuzzy=False)
    for message in messages:
        template.add(message)
    return template


def _catalog(**strings):
    catalog = Catalog(locale="es", fuzzy=False)
    for source, string in strings.items():
        catalog.add(source.replace("_", " "), string)
    return catalog


def test_a_lost_or_changed_placeholder_is_reported():
    template = _template("Dear %(name)s", "Give a year from {first} to {last}")
    catalog = Catalog(locale="es", fuzzy=False)
    catalog.add("Dear %(name)s", "Estimado/a %(nombre)s")
    catalog.add("Give a year from {first} to {last}", "Indique un año desde {first}")

    found = catalogue.problems("es", template, catalog)

    assert found == [
        "es: placeholders differ: 'Dear %(name)s' -> 'Estimado/a %(nombre)s'",
        "es: placeholders differ: 'Give a year from {first} to {last}' "
        "-> 'Indique un año desde {first}'",
    ]


def test_missing_untranslated_fuzzy_and_obsolete_strings_are_reported():
    template = _template("Search", "Sign in", "Sign out")
    catalog = Catalog(locale="es", fuzzy=False)
    catalog.add("Search", "")
    catalog.add("Sign in", "Iniciar sesión", flags=["fuzzy"])
    catalog.add("Log in", "Entrar")

    found = catalogue.problems("es", template, catalog)

    assert set(found) == {
        "es: untranslated: 'Search'",
        "es: fuzzy: 'Sign in'",
        "es: not in the catalogue: 'Sign out'",
        "es: no longer in the source: 'Log in'",
    }


def test_a_plural_may_spell_out_the_one_but_keeps_the_others():
    items = ("%(counter)s item", "%(counter)s items")
    template = Catalog(fuzzy=False)
    template.add(items)
    good = Catalog(locale="es", fuzzy=False)
    good.add(items, ("un elemento", "%(counter)s elementos"))
    bad = Catalog(locale="es", fuzzy=False)
    bad.add(items, ("%(counter)s elemento", "elementos"))

    assert catalogue.problems("es", template, good) == []
    assert catalogue.problems("es", template, bad) == [
        "es: placeholders differ: ('%(counter)s item', '%(counter)s items') "
        "-> 'elementos'"
    ]


def test_templates_are_read_as_makemessages_reads_them():
    source = (
        '{% load i18n %}<p class="x">\n'
        '  {% translate "Read more" %}\n'
        '  {% translate "May" context "month name" %}\n'
        "  {% blocktranslate trimmed count counter=n %}\n"
        "    {{ counter }} item\n"
        "  {% plural %}\n"
        "    {{ counter }} items\n"
        "  {% endblocktranslate %}\n"
        "  {# Translators: the reader's name #}\n"
        "  {% blocktranslate with name=member.name %}Dear {{ name }},"
        "{% endblocktranslate %}\n"
        '  {{ value|date:_("DATE_FORMAT") }}\n'
        "</p>\n"
    )

    found = list(
        extract(
            catalogue.extract_django_template,
            io.BytesIO(source.encode()),
            keywords=catalogue.KEYWORDS,
            comment_tags=catalogue.COMMENT_TAGS,
            strip_comment_tags=True,
        )
    )

    assert [(line, message, context) for line, message, _, context in found] == [
        (2, "Read more", None),
        (3, "May", "month name"),
        (4, ("%(counter)s item", "%(counter)s items"), None),
        (10, "Dear %(name)s,", None),
        (11, "DATE_FORMAT", None),
    ]
    assert found[3][2] == ["the reader's name"]


def test_compiling_writes_a_catalogue_django_reads(tmp_path):
    po_file = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    catalogue.write(_catalog(Read_more="Leer más"), po_file)

    catalogue.compile_po(po_file)

    mo = po_file.with_suffix(".mo")
    assert mo.exists()
    assert b"Leer m\xc3\xa1s" in mo.read_bytes()


def test_spanish_interface_strings_come_from_the_catalogue():
    with translation.override("es"):
        assert translation.gettext("Read more") == "Leer más"
        assert translation.ngettext("%(count)d item", "%(count)d items", 3) == (
            "%(count)d elementos"
        )
    with translation.override("en-gb"):
        assert translation.gettext("Read more") == "Read more"
