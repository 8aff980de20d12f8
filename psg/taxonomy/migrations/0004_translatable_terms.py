# Step 1 of 3 of making the terms translatable (Wagtail's pattern for
# existing rows): the locale and translation key, nullable, and names and
# slugs no longer unique across languages.
from django.db import migrations, models

from psg.core.locales import locale_field


def translatable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=locale_field(null=True),
        ),
    ]


def name_and_slug(model_name, max_length):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="name",
            field=models.CharField(max_length=max_length, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="slug",
            field=models.SlugField(max_length=max_length, verbose_name="slug"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0003_regionindexpage_topicindexpage"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        *name_and_slug("region", 100),
        *name_and_slug("topic", 100),
        *name_and_slug("series", 150),
        *translatable_fields("region"),
        *translatable_fields("topic"),
        *translatable_fields("series"),
    ]
