# Step 3 of 3: locale and translation key required; a term's translation
# key, name and slug unique within its language.
import uuid

from django.db import migrations, models

from psg.core.locales import locale_field


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=locale_field(),
        ),
        migrations.AlterUniqueTogether(
            name=model_name,
            unique_together={
                ("translation_key", "locale"),
                ("slug", "locale"),
                ("name", "locale"),
            },
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0005_spanish_terms")]

    operations = [*required("region"), *required("topic"), *required("series")]
