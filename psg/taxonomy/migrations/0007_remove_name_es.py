# The Spanish names now live in the Spanish translations (0005).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0006_terms_unique_per_locale")]

    operations = [
        migrations.RemoveField(model_name="region", name="name_es"),
        migrations.RemoveField(model_name="topic", name="name_es"),
    ]
