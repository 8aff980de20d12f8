"""Indexes on the dates of news, publications and events.

Added for the site search's year filter, which now uses filter terms in the
search index instead (psg.core.search_index); the news index's year filter, the
date-ordered listings and the API's date filters use them still. They keep
their names, of this app.
"""

from django.db import migrations

INDEXES = [
    ("news", "NewsPage", "date", "psg_search_news_date"),
    ("publications", "PublicationPage", "date", "psg_search_publication_date"),
    ("events", "EventPage", "start", "psg_search_event_start"),
]


def create(apps, schema_editor):
    quote = schema_editor.quote_name
    for app, model_name, field_name, index in INDEXES:
        model = apps.get_model(app, model_name)
        column = model._meta.get_field(field_name).column
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(index)} "
            f"ON {quote(model._meta.db_table)} ({quote(column)})"
        )


def drop(apps, schema_editor):
    for _app, _model, _field, index in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index)}")


class Migration(migrations.Migration):
    dependencies = [
        ("psg_search", "0001_fts5_word_forms"),
        ("news", "0001_initial"),
        ("publications", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
