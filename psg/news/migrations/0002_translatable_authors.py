# Authors become translatable (their role has a Spanish version), in
# Wagtail's three steps for existing rows. Step 1: nullable locale and key.
from django.db import migrations, models

from psg.core.locales import locale_field


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="author", name="locale", field=locale_field(null=True)
        ),
    ]
