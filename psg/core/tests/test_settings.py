import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run_check(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "BASE_URL"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="psg.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


SECRET = "x" * 20 + "-a-long-random-enough-test-value-1234567"


@pytest.mark.parametrize(
    "base_url",
    [
        None,
        "",
        "example.org",
        "http://example.org",
        "https://",
        "https://example.org/psg/",
        "https://example.org/?next=1",
        "javascript://example.org",
    ],
)
def test_production_refuses_to_start_without_a_valid_base_url(base_url):
    env = {"SECRET_KEY": SECRET}
    if base_url is not None:
        env["BASE_URL"] = base_url
    result = run_check(**env)
    assert result.returncode != 0
    assert "BASE_URL must be the site's https address" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run_check(SECRET_KEY=SECRET, BASE_URL="https://example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


STORAGE_REPORT = (
    "import django; django.setup();"
    "from django.conf import settings;"
    "from django.core.files.storage import storages; s = storages['default'];"
    "print(type(s).__name__, s.url('images/a.jpg'), settings.PSG_SERVE_MEDIA,"
    " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1])"
)


def storage_report(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key != "MEDIA_URL"
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="psg.settings.dev")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", STORAGE_REPORT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.split()


def test_media_go_to_object_storage_when_a_bucket_is_named():
    assert storage_report()[:3] == ["FileSystemStorage", "/media/images/a.jpg", "True"]
    assert storage_report(
        AWS_STORAGE_BUCKET_NAME="psg-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    ) == [
        "S3Storage",
        "https://media.example.org/images/a.jpg",
        # Django no longer serves /media/, and the pages may show the bucket's
        # images under the Content-Security-Policy.
        "False",
        "https://media.example.org/",
    ]
