from django.db import migrations

from psg.core.locales import ensure_locales


def forwards(apps, schema_editor):
    ensure_locales(apps.get_model("wagtailcore", "Locale"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_ratecounter"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
