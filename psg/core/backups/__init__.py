"""Backups of the whole site: the database and the media files in one archive.

``create_backup()`` and ``restore_backup()`` (psg.core.backups.archive) are
behind ``manage.py backup`` / ``manage.py restore`` and ``make backup`` /
``make restore``. See docs/deployment.md#backups.
"""
