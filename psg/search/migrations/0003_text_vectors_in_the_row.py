"""PostgreSQL: keep each index entry's text vector in its row.

An entry's ``body`` (the tsvector of its text, about 5-7 KB for a news item)
was stored out of line in the table's TOAST table, the default for a value
that large: every phrase check and every rank read it back through the TOAST
index, a few microseconds each, most of a phrase search's time (the GIN
indexes hold no word positions, so a phrase is checked entry by entry). With
``STORAGE MAIN`` the vector stays in the row unless the row would not fit in
a page (long PDF texts), and is read with it: the per-entry phrase check and
rank about three times cheaper. The entries already written are rewritten
once so that the change holds for them too. SQLite: nothing to do.
"""

from django.db import migrations


def _set_storage(apps, schema_editor, storage):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    model = apps.get_model("wagtailsearch", "IndexEntry")
    table = schema_editor.quote_name(model._meta.db_table)
    column = schema_editor.quote_name(model._meta.get_field("body").column)
    schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET STORAGE {storage}")
    # A new value, equal to the old, is stored by the new rule (the same
    # out-of-line value would be kept as it is).
    schema_editor.execute(
        f"UPDATE {table} SET {column} = {column} || ''::tsvector"  # noqa: S608
    )


def in_the_row(apps, schema_editor):
    _set_storage(apps, schema_editor, "MAIN")


def out_of_line(apps, schema_editor):
    _set_storage(apps, schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("psg_search", "0002_date_indexes")]

    operations = [migrations.RunPython(in_the_row, out_of_line)]
