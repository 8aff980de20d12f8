"""``manage.py restore FILE``: put a backup back into an empty database."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from psg.core.backups.archive import restore_backup
from psg.core.backups.databases import BackupError, describe


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured "
        "database and MEDIA_ROOT. Checks the whole archive first; refuses a "
        "database that is not empty unless --force. See "
        "docs/deployment.md#backups."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what a database (and MEDIA_ROOT) that is not empty holds",
        )

    def handle(self, *args, file, force=False, **options):
        try:
            restored = restore_backup(file, key=settings.PSG_BACKUP_KEY, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        source = restored.manifest["database"]
        target = describe()
        self.stdout.write(
            f"Restored the backup made {restored.manifest['created_at']} of the "
            f"{source['vendor']} database {source['name']} into "
            f"{target['name']}: {restored.tables} tables, "
            f"{sum(restored.rows.values())} rows"
            f" ({restored.rows.get('wagtailcore_page', 0)} pages); "
            f"{restored.media_files} media files "
            f"({filesizeformat(restored.media_bytes)}) into {settings.MEDIA_ROOT}."
        )
