"""One machine: `make run` and local work. DEBUG stays off unless DEBUG=1."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

# `make run` writes a random key to var/secret_key and passes it in; a bare
# `manage.py` call falls back to reading that file.
if not SECRET_KEY:  # noqa: F405
    key_file = VAR_DIR / "secret_key"
    SECRET_KEY = key_file.read_text().strip() if key_file.exists() else ""
    if not SECRET_KEY:
        SECRET_KEY = "insecure-local-only-" + os.environ.get("USER", "psg")
