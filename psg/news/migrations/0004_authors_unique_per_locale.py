# Step 3: locale and translation key required, unique together.
import uuid

import django.db.models.deletion
from django.db import migrations, models


def locale_field(null):
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [("news", "0003_english_authors")]

    operations = [
        migrations.AlterField(
            model_name="author",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="author", name="locale", field=locale_field(null=False)
        ),
        migrations.AlterUniqueTogether(
            name="author", unique_together={("translation_key", "locale")}
        ),
    ]
