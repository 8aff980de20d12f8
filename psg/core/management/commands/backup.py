"""``manage.py backup``: the database and the media files in one archive."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from psg.core.backups.archive import create_backup, default_backup_path
from psg.core.backups.databases import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup or pg_dump) and MEDIA_ROOT "
        "into one archive with a manifest; encrypted when PSG_BACKUP_KEY is set. "
        "Safe while the site runs. See docs/deployment.md#backups."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="The archive to write (default: PSG_BACKUP_DIR/psg-<time>.tar.gz)",
        )
        parser.add_argument(
            "--no-media", action="store_true", help="Leave MEDIA_ROOT out"
        )

    def handle(self, *args, output=None, no_media=False, **options):
        output = output or default_backup_path()
        key = settings.PSG_BACKUP_KEY
        try:
            manifest = create_backup(output, key=key, include_media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from None
        database = manifest["database"]
        media = [e for e in manifest["files"] if e["path"].startswith("media/")]
        self.stdout.write(
            f"Backed up the {database['vendor']} database {database['name']} and "
            f"{len(media)} media files "
            f"({filesizeformat(sum(entry['size'] for entry in media))}) to {output}"
            + (" (encrypted)" if key else " (not encrypted: PSG_BACKUP_KEY is unset)")
        )
