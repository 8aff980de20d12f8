"""One backup archive: the database dump, the media files and a manifest.

The archive is a gzipped tar holding ``database.sqlite3`` or
``database.pgdump``, ``media/…`` (MEDIA_ROOT when media are stored on local
disk) and, last, ``manifest.json``: when, which database, and the size and
SHA-256 of every file. With PSG_BACKUP_KEY set it is encrypted as it is
written (psg.core.backups.crypto).

A restore unpacks and checks everything (decryption, gzip, every file against
the manifest) in a scratch directory before it touches the database or the
media, and refuses a database that holds tables unless told to replace it.
See docs/deployment.md#backups.
"""

import datetime
import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.utils import timezone

from . import crypto, databases
from .databases import BackupError

FORMAT = "psg-backup/1"
MANIFEST = "manifest.json"


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


class _HashingReader:
    """Reads a file for tarfile and hashes exactly the bytes it took."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def media_is_local():
    return isinstance(default_storage, FileSystemStorage)


def _media_files():
    root = Path(settings.MEDIA_ROOT)
    if not media_is_local() or not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def default_backup_path():
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.PSG_BACKUP_DIR) / f"psg-{stamp}.tar.gz"


def create_backup(output=None, key=None, include_media=True):
    """Write a backup to ``output`` (default: PSG_BACKUP_DIR) and return its
    manifest. Encrypted when ``key`` (PSG_BACKUP_KEY) is given."""
    output = Path(output or default_backup_path())
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    database = databases.describe()
    dump_name = databases.dump_file_name()
    if dump_name is None:
        raise BackupError(f"Cannot back up a {database['vendor']} database.")
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "database": database,
        "encrypted": bool(key),
        "media": "included" if include_media and media_is_local() else "not included",
        "files": [],
    }
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / dump_name
        if database["vendor"] == "sqlite":
            databases.dump_sqlite(dump)
        else:
            database["dump_tool"] = databases.dump_postgres(dump)
        try:
            _write_archive(partial, dump, manifest, key, include_media)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(output)
    return manifest


def _write_archive(partial, dump, manifest, key, include_media):
    # Readable by the owner only: a backup holds every member's data.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "wb") as raw:
        sink = crypto.EncryptingWriter(raw, key) if key else raw
        with tarfile.open(fileobj=sink, mode="w|gz") as tar:
            _add_file(tar, dump, dump.name, manifest)
            for path in _media_files() if include_media else []:
                name = "media/" + path.relative_to(settings.MEDIA_ROOT).as_posix()
                try:
                    _add_file(tar, path, name, manifest)
                except FileNotFoundError:
                    continue  # deleted while the backup ran
            body = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, _BytesReader(body))
        if key:
            sink.close()


class _BytesReader:
    def __init__(self, data):
        self.data = memoryview(data)
        self.offset = 0

    def read(self, size=-1):
        end = len(self.data) if size < 0 else self.offset + size
        chunk = self.data[self.offset : end].tobytes()
        self.offset += len(chunk)
        return chunk


def _add_file(tar, path, name, manifest):
    with open(path, "rb") as file:
        info = tar.gettarinfo(fileobj=file, arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(file)
        tar.addfile(info, reader)
    manifest["files"].append(
        {"path": name, "size": info.size, "sha256": reader.digest.hexdigest()}
    )


@dataclass
class Restored:
    """What a restore did, for the command's report."""

    manifest: dict
    tables: int
    rows: dict
    media_files: int
    media_bytes: int


def unpack(path, scratch, key=None):
    """Decrypt, unpack and check a backup in ``scratch``; returns the manifest.

    Raises BackupError, touching nothing outside ``scratch``, for a wrong or
    missing key and for any truncated, altered or incomplete archive.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}.")
    plain = path
    if crypto.is_encrypted(path):
        if not key:
            raise BackupError(
                "This backup is encrypted. Set PSG_BACKUP_KEY to the key it was "
                "made with."
            )
        plain = Path(scratch) / "backup.tar.gz"
        try:
            crypto.decrypt_file(path, plain, key)
        except crypto.WrongKey:
            raise BackupError(
                "This backup was made with a different key: PSG_BACKUP_KEY does "
                "not open it. Nothing was restored."
            ) from None
        except crypto.Damaged as error:
            raise BackupError(
                f"This backup is damaged ({error}). Nothing was restored."
            ) from None
    files = Path(scratch) / "files"
    files.mkdir()
    try:
        with tarfile.open(plain, mode="r:gz") as tar:
            tar.extractall(files, filter="data")
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(
            f"This backup is damaged or incomplete ({error}). Nothing was restored."
        ) from None
    if plain != path:
        plain.unlink()
    try:
        manifest = json.loads((files / MANIFEST).read_text())
    except (OSError, ValueError):
        raise BackupError(
            "This backup has no readable manifest: it is incomplete or not a "
            "backup of this site. Nothing was restored."
        ) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    for entry in manifest["files"]:
        member = files / entry["path"]
        if (
            not member.is_file()
            or member.stat().st_size != entry["size"]
            or _sha256(member) != entry["sha256"]
        ):
            raise BackupError(
                f"{entry['path']} in this backup does not match its manifest: "
                "the archive is damaged. Nothing was restored."
            )
    return manifest


def restore_backup(path, key=None, force=False):
    """Restore the database and media of backup ``path``; returns Restored.

    Refuses (BackupError) a database that holds tables, or a MEDIA_ROOT that
    holds files, unless ``force``; then the dump's tables replace those in
    the database and the backup's files are written over MEDIA_ROOT's.
    """
    with tempfile.TemporaryDirectory() as scratch:
        manifest = unpack(path, scratch, key)
        files = Path(scratch) / "files"
        source = manifest["database"]["vendor"]
        target = databases.vendor()
        if source != target:
            raise BackupError(
                f"This is a backup of a {source} database; the configured database "
                f"is {target}. Restore it into a {source} database."
            )
        tables = databases.table_names()
        media_root = Path(settings.MEDIA_ROOT)
        media = [e for e in manifest["files"] if e["path"].startswith("media/")]
        if not force:
            if tables:
                raise BackupError(
                    f"The database {databases.describe()['name']} is not empty "
                    f"({len(tables)} tables). Restore into an empty database, or "
                    "pass --force to replace its contents."
                )
            if media and media_root.is_dir() and any(media_root.iterdir()):
                raise BackupError(
                    f"{media_root} already holds files. Restore into an empty "
                    "MEDIA_ROOT, or pass --force to write over them."
                )
        dump = files / databases.dump_file_name()
        if source == "sqlite":
            databases.restore_sqlite(dump)
        else:
            databases.restore_postgres(dump, replace=bool(tables))
        for entry in media:
            destination = media_root / entry["path"].removeprefix("media/")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(files / entry["path"], destination)
    rows = databases.row_counts()
    return Restored(
        manifest=manifest,
        tables=len(rows),
        rows=rows,
        media_files=len(media),
        media_bytes=sum(entry["size"] for entry in media),
    )


def created_at(manifest):
    return datetime.datetime.fromisoformat(manifest["created_at"])
