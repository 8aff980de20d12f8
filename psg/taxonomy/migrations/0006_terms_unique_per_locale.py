# Step 3 of 3: locale and translation key required; a term's translation
# key, name and slug unique within its language.
import uuid

import django.db.models.deletion
from django.db import migrations, models


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
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
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
