# Step 2: the existing authors are English (a migration of its own, as
# PostgreSQL cannot alter a table with the updates' checks pending).
from django.db import migrations

from wagtail.models.i18n import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_translatable_authors"),
        ("core", "0004_content_locales"),
    ]

    operations = [BootstrapTranslatableModel("news.Author")]
