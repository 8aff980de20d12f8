"""The site in a subprocess, as the end-to-end tests run it (the task worker
in psg/bulletin/tests/test_sending_kill.py, gunicorn and the backup commands
in psg/core/tests): the base settings (database task backend, SQLite under
PSG_VAR_DIR, SMTP when EMAIL_HOST is set) with a fixed test key, and static
files without collectstatic's manifest."""

from .base import *  # noqa: F403

SECRET_KEY = "worker-test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
