from django.db import migrations

SERIES = [
    ("Update", "update", "The PSG's numbered Update, from the 1990s."),
    ("Peru News", "peru-news", "Peru News, the PSG's monthly digest."),
    ("Newsletter", "newsletter", "The PSG's newsletter."),
]


def create_series(apps, schema_editor):
    BulletinSeries = apps.get_model("bulletin", "BulletinSeries")
    for name, slug, description in SERIES:
        BulletinSeries.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )


def remove_series(apps, schema_editor):
    BulletinSeries = apps.get_model("bulletin", "BulletinSeries")
    BulletinSeries.objects.filter(
        slug__in=[slug for _, slug, _ in SERIES], editions__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("bulletin", "0001_initial")]

    operations = [migrations.RunPython(create_series, remove_series)]
