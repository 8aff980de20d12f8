from django.db import migrations

from psg.taxonomy.vocabulary import REGIONS, TOPICS


def load(apps, schema_editor):
    Region = apps.get_model("taxonomy", "Region")
    Topic = apps.get_model("taxonomy", "Topic")
    for name, name_es, slug, aliases, capital in REGIONS:
        Region.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_es": name_es,
                "aliases": aliases,
                "capital": capital,
            },
        )
    for name, name_es, slug, aliases in TOPICS:
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_es": name_es, "aliases": aliases}
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
