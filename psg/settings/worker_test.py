"""The task worker as the kill test runs it (psg/bulletin/tests/test_sending_kill.py):
the base settings (database task backend, SQLite under PSG_VAR_DIR, SMTP when
EMAIL_HOST is set) with a fixed test key."""

from .base import *  # noqa: F403

SECRET_KEY = "worker-test-only-not-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
