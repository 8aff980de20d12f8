# Step 2 of 3: existing terms become English; each region and topic gets a
# Spanish translation made from its name_es (psg.taxonomy.translations).
from django.db import migrations

from wagtail.models.i18n import bootstrap_translatable_model

from psg.core.locales import SPANISH, default_language
from psg.taxonomy.translations import create_spanish_terms


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    english = Locale.objects.get(language_code=default_language())
    spanish = Locale.objects.get(language_code=SPANISH)
    for name in ("Region", "Topic", "Series"):
        bootstrap_translatable_model(apps.get_model("taxonomy", name), english)
    Region = apps.get_model("taxonomy", "Region")
    create_spanish_terms(Region, english, spanish, extra_fields=["capital"])
    create_spanish_terms(apps.get_model("taxonomy", "Topic"), english, spanish)


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0004_translatable_terms"),
        ("core", "0004_content_locales"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
