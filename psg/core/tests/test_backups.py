"""`manage.py backup` and `manage.py restore`, end to end: a site with pages,
media, members and a bulletin's delivery history is backed up (encrypted),
restored into an empty database (SQLite, and PostgreSQL under a fresh name)
with an empty MEDIA_ROOT, and everything is there, the files byte for byte.
A wrong key and a damaged archive are refused without touching the target.
"""

import filecmp
import io
import json
import tarfile
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Page

from psg.core.backups.crypto import decrypt_file

from .processes import manage, site_env
from .services import migrated_postgres, migrated_sqlite

pytestmark = pytest.mark.worker

KEY = "correct horse battery staple"

CONTENT = """
import datetime, io
from PIL import Image as PILImage
from django.core.files.base import ContentFile
from wagtail.images.models import Image
from wagtail.models import Site
from psg.bulletin.models import BulletinSeries, Delivery, Edition, Subscriber
from psg.members.tests.factories import MemberFactory
from psg.news.tests.factories import NewsIndexPageFactory, NewsPageFactory
from psg.publications.tests.factories import DocumentFactory

home = Site.objects.get(is_default_site=True).root_page
news = NewsIndexPageFactory(parent=home, title="News")
NewsPageFactory(parent=news, title="Espinar: the water report")
png = io.BytesIO()
PILImage.new("RGB", (40, 30), (200, 30, 60)).save(png, "PNG")
Image.objects.create(title="Tintaya", file=ContentFile(png.getvalue(), "tintaya.png"))
DocumentFactory(title="Informe", file=ContentFile(b"%PDF-1.4 informe", "informe.pdf"))
MemberFactory(name="Ñahui Quispe", email="nahui@example.org")
MemberFactory(name="Rosa Huamán", email="rosa@example.org")
reader = Subscriber.objects.create(email="reader@example.org", status="subscribed")
edition = Edition.objects.create(
    series=BulletinSeries.objects.get(slug="update"), number=120,
    date=datetime.date(2026, 11, 22), status="sent",
)
Delivery.objects.create(
    edition=edition, subscriber=reader, email=reader.email, status="sent",
    message_id="<120.1@perusupportgroup.org.uk>",
)
"""

READ_BACK = """
import json
from wagtail.models import Page
from psg.bulletin.models import Delivery
from psg.members.models import Member
print(json.dumps({
    "pages": sorted(Page.objects.values_list("title", flat=True)),
    "members": sorted(Member.objects.values_list("name", "email")),
    "deliveries": list(Delivery.objects.values_list(
        "edition__number", "email", "status", "message_id")),
}))
"""


EXPECTED_PAGES = ["Espinar: the water report", "News", "Peru Support Group", "Root"]
EXPECTED_MEMBERS = [
    ["Rosa Huamán", "rosa@example.org"],
    ["Ñahui Quispe", "nahui@example.org"],
]
EXPECTED_DELIVERIES = [
    [120, "reader@example.org", "sent", "<120.1@perusupportgroup.org.uk>"]
]


def build_site(var_dir, database_url=None):
    """Migrate, add the content above and back it all up, encrypted and not."""
    env = site_env(var_dir, database_url)
    if database_url:
        migrated_postgres(env)
    else:
        migrated_sqlite(env)
    manage(env, "shell", "-c", CONTENT)
    made = manage(
        {**env, "PSG_BACKUP_KEY": KEY}, "backup", "--output", var_dir / "site.tar.gz"
    )
    assert "(encrypted)" in made.stdout
    assert "2 media files" in made.stdout
    return var_dir / "site.tar.gz"


def read_back(env):
    output = manage(env, "shell", "-c", READ_BACK).stdout
    return json.loads(output.splitlines()[-1])


def media_files(var_dir):
    root = Path(var_dir) / "media"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def restore_and_check(archive, source_dir, target_dir, target_url=None):
    target = site_env(target_dir, target_url, PSG_BACKUP_KEY=KEY)
    restored = manage(target, "restore", str(archive))
    assert "Restored the backup made" in restored.stdout
    assert "2 media files" in restored.stdout

    assert read_back(target) == {
        "pages": EXPECTED_PAGES,
        "members": EXPECTED_MEMBERS,
        "deliveries": EXPECTED_DELIVERIES,
    }
    files = media_files(source_dir)
    assert len(files) == 2  # the image and the document
    assert media_files(target_dir) == files
    _match, mismatch, errors = filecmp.cmpfiles(
        source_dir / "media", target_dir / "media", files, shallow=False
    )
    assert mismatch == errors == []
    return target


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory):
    """A SQLite site with content, and its encrypted backup."""
    source = tmp_path_factory.mktemp("source")
    return build_site(source), source


def test_a_sqlite_site_comes_back_whole_from_its_backup(sqlite_backup, tmp_path):
    archive, source = sqlite_backup
    target = restore_and_check(archive, source, tmp_path / "target")

    again = manage(target, "restore", str(archive), check=False)
    assert again.returncode == 1
    assert "is not empty" in again.stderr
    assert "--force" in again.stderr
    assert "Traceback" not in again.stderr
    assert "Restored" in manage(target, "restore", str(archive), "--force").stdout


def test_a_postgresql_site_comes_back_whole_in_a_new_database(
    tmp_path, scratch_postgres
):
    archive = build_site(tmp_path / "source", scratch_postgres())
    restore_and_check(
        archive, tmp_path / "source", tmp_path / "target", scratch_postgres(False)
    )


# Refusals, in this process: the test database and MEDIA_ROOT stand for the
# target, and must be exactly as they were.


@pytest.fixture
def target(db, media_root, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "keep.txt").write_text("ours")
    before = sorted(Page.objects.values_list("pk", "title"))
    yield settings
    assert sorted(Page.objects.values_list("pk", "title")) == before
    assert [p.name for p in settings.MEDIA_ROOT.iterdir()] == ["keep.txt"]


def refusal(archive, settings, key=KEY, force=True):
    settings.PSG_BACKUP_KEY = key
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), force=force)
    return str(refused.value)


def test_a_backup_cannot_be_restored_without_its_key(sqlite_backup, target):
    archive, _source = sqlite_backup

    message = refusal(archive, target, key="not the key")
    assert message == (
        "This backup was made with a different key: PSG_BACKUP_KEY does not "
        "open it. Nothing was restored."
    )
    assert "is encrypted. Set PSG_BACKUP_KEY" in refusal(archive, target, key="")


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="a SQLite backup meets a database of its own kind only on SQLite; "
    "PostgreSQL refuses it for its kind first",
)
def test_a_database_that_is_not_empty_is_refused(sqlite_backup, target):
    archive, _source = sqlite_backup
    message = refusal(archive, target, force=False)
    assert "is not empty" in message
    assert "pass --force" in message


def test_a_damaged_or_truncated_backup_is_refused_before_anything_changes(
    sqlite_backup, target, tmp_path
):
    archive, _source = sqlite_backup
    data = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])
    assert "This backup is damaged" in refusal(truncated, target)

    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    altered = tmp_path / "altered.tar.gz"
    altered.write_bytes(bytes(flipped))
    assert "This backup is damaged" in refusal(altered, target)

    # Not encrypted: gzip's own check, and the manifest's checksums for what
    # gzip cannot see (a file swapped inside the archive).
    plain = tmp_path / "plain.tar.gz"
    decrypt_file(archive, plain, KEY)
    data = plain.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in refusal(truncated, target, key="")

    swapped = tmp_path / "swapped.tar.gz"
    with tarfile.open(plain) as source, tarfile.open(swapped, "w:gz") as copy:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name.startswith("media/documents/"):
                content = content.replace(b"informe", b"INFORME")
            copy.addfile(member, io.BytesIO(content))
    message = refusal(swapped, target, key="")
    assert "does not match its manifest" in message
    assert "Nothing was restored" in message

    assert "There is no backup at" in refusal(tmp_path / "missing.tar.gz", target)
