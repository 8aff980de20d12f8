"""SQLite: rebuild Wagtail's FTS5 table with the porter tokenizer.

Wagtail creates the table with FTS5's default tokenizer (unicode61: case and
accents folded, no word forms). The porter tokenizer over unicode61 also
matches English word forms ("mine", "mines", "mining"). The table is filled
again from the index entries, so nothing needs re-indexing. PostgreSQL: nothing
to do (its word forms come from SEARCH_CONFIG).
"""

from django.db import migrations

PORTER = "porter unicode61 remove_diacritics 2"


def _rebuild(apps, schema_editor, tokenize):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    fts = f"{table}_fts"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [fts]
        )
        if cursor.fetchone() is None:  # SQLite built without FTS5
            return
        options = f", tokenize = '{tokenize}'" if tokenize else ""
        cursor.execute(f"DROP TABLE {fts}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(autocomplete, body, title{options})"
        )
        cursor.execute(
            f"INSERT INTO {fts} (rowid, autocomplete, body, title) "  # noqa: S608
            f"SELECT id, autocomplete, body, title FROM {table}"
        )


def use_porter(apps, schema_editor):
    _rebuild(apps, schema_editor, PORTER)


def use_default(apps, schema_editor):
    _rebuild(apps, schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(use_porter, use_default)]
