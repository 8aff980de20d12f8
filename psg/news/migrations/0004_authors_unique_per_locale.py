# Step 3: locale and translation key required, unique together.
import uuid

from django.db import migrations, models

from psg.core.locales import locale_field


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
