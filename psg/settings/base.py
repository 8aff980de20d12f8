"""Settings shared by every environment.

Everything that differs between one machine and a production deployment is read
from the environment here; docs/configuration.md lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

from wagtail.embeds.oembed_providers import vimeo as vimeo_provider
from wagtail.embeds.oembed_providers import youtube as youtube_provider

from .caching import cache_aliases, frontend_cache_backends, page_cache_settings
from .storage import object_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("PSG_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before psg.core, whose ready() replaces its publish handlers (docs/caching.md).
    "wagtail.contrib.frontend_cache",
    "psg.core",
    "psg.taxonomy",
    "psg.home",
    "psg.news",
    "psg.publications",
    "psg.events",
    "psg.standard_pages",
    "psg.legacy",
    "psg.members",
    "psg.bulletin",
    "psg.api",
    "psg.search",
    "psg.feeds",
    "psg.metadata",
    "psg.demo",
    # Staff accounts: two-factor sign-in and login throttling (psg.staff).
    "psg.staff",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    # Content translation (docs/translation-content.md); .locales replaces
    # wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "django_countries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a cached page is answered before any other work (docs/caching.md).
    "psg.core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "psg.core.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "psg.core.middleware.RequestBodyLimitMiddleware",
    "psg.core.middleware.NulByteMiddleware",
    # The language from the address alone (no cookie, no Accept-Language),
    # before anything routes or resolves the request.
    "psg.core.middleware.LanguageFromPathMiddleware",
    "psg.core.middleware.SiteRoutingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "psg.staff.middleware.StaffSignInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "psg.core.middleware.PublicCacheMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "psg.urls"
WSGI_APPLICATION = "psg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in var/ unless DATABASE_URL names another (PostgreSQL in
# production). WAL and immediate transactions let the web server and the task
# worker share one SQLite file without "database is locked" errors.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept too (one per web thread): opening one and running
    # its PRAGMAs cost more than a page's queries, and WAL lets kept
    # connections read while another writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: files under var/cache by default, Redis when REDIS_URL is set;
# the page cache's own alias (caching.py, docs/caching.md).
CACHES = cache_aliases(os.environ.get("REDIS_URL"), VAR_DIR)
PSG_PAGE_CACHE, PSG_PAGE_CACHE_SECONDS, PSG_VARNISH_URLS = page_cache_settings()
WAGTAILFRONTENDCACHE = frontend_cache_backends(PSG_PAGE_CACHE, PSG_VARNISH_URLS)
# Addresses are purged as they are: English ones have no language prefix, so
# Wagtail's rewriting of /es/… into one address per language would purge
# /en-gb/… addresses that no page has.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# How each language writes dates and times (psg/core/formats/<locale>/formats.py).
FORMAT_MODULE_PATH = ["psg.core.formats"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Serve uploaded media from Django itself when no web server or object store
# does it (the one-machine default).
PSG_SERVE_MEDIA = env_bool("PSG_SERVE_MEDIA", default=True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Media in an S3-compatible bucket when one is named (storage.py).
_object_storage, _object_media_url = object_storage()
if _object_storage:
    STORAGES["default"] = _object_storage
    PSG_SERVE_MEDIA = False
    MEDIA_URL = _object_media_url or MEDIA_URL

# Uploads: limited by size here and by type in Wagtail's settings below.
# Public forms take no files: bodies over 64 KiB are refused there with a 413
# (core.middleware); the admin's page forms and uploads keep these limits
# (docs/security.md, "Request bodies").
PSG_PUBLIC_MAX_BODY_BYTES = int(os.environ.get("PSG_PUBLIC_MAX_BODY_BYTES", "65536"))
PSG_LARGE_BODY_PATHS = ["/admin/"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Email: files under var/mail by default; SMTP when EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    # Django's, delivering to non-ASCII addresses over SMTPUTF8 (psg.core.smtp).
    EMAIL_BACKEND = "psg.core.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Peru Support Group <info@perusupportgroup.org.uk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: the database backend works on SQLite and PostgreSQL alike;
# `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Bulletin sending (psg.bulletin.sending, docs/bulletin.md): messages per
# SMTP connection, messages per second (0: no limit), and how long a message
# may stay "being sent" before a dead worker's message is sent again.
PSG_BULLETIN_BATCH_SIZE = int(os.environ.get("PSG_BULLETIN_BATCH_SIZE", "100"))
PSG_BULLETIN_RATE = float(os.environ.get("PSG_BULLETIN_RATE", "20"))
PSG_BULLETIN_STALE_AFTER = float(os.environ.get("PSG_BULLETIN_STALE_AFTER", "300"))
# When the mail server fails a run: the first wait before the next, doubled
# each time, at most the second (seconds).
PSG_BULLETIN_RETRY_DELAY = float(os.environ.get("PSG_BULLETIN_RETRY_DELAY", "60"))
PSG_BULLETIN_RETRY_MAX = float(os.environ.get("PSG_BULLETIN_RETRY_MAX", "3600"))
# Bulletin bounces (psg.bulletin.upkeep): the Maildir that receives them, read
# by the task worker every so many minutes; unset, nothing reads it.
PSG_BOUNCE_MAILDIR = os.environ.get("PSG_BOUNCE_MAILDIR", "")
# The address bulletin bounces go to; each message's return path is its
# signed variant, local+<delivery>-<signature>@domain (psg.bulletin.verp).
# Unset: bounces@ the domain of DEFAULT_FROM_EMAIL.
PSG_BOUNCE_ADDRESS = os.environ.get("PSG_BOUNCE_ADDRESS", "")
# Where a bulletin test may go besides the admin users' own addresses:
# addresses, or "@domain" for a whole domain, separated by commas.
PSG_BULLETIN_TEST_ADDRESSES = [
    entry.strip()
    for entry in os.environ.get("PSG_BULLETIN_TEST_ADDRESSES", "").split(",")
    if entry.strip()
]
PSG_BOUNCE_INTERVAL_MINUTES = int(os.environ.get("PSG_BOUNCE_INTERVAL_MINUTES", "15"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Security defaults that hold everywhere; production.py adds the HTTPS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Wagtail
WAGTAIL_SITE_NAME = "Peru Support Group"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# Content in English (default, URLs unchanged) and Spanish, translated with
# wagtail-localize (docs/decisions/0006-translation.md).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English"), ("es", "Español")]
# SQLite FTS5 by default, PostgreSQL full text (its vectors made from
# accent-folded text) when DATABASE_URL is PostgreSQL; "english" is
# PostgreSQL's text search configuration (docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "psg.search.backend",
        "SEARCH_CONFIG": "english",
    }
}
# Site search (psg.search): at most this many of the newest matches are ranked.
PSG_SEARCH_SCORED_LIMIT = int(os.environ.get("PSG_SEARCH_SCORED_LIMIT", "500"))
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "hr",
                "link",
                "document-link",
                "blockquote",
                "superscript",
                "subscript",
            ]
        },
    }
}
# Cache-Control max-age for anonymous page views (see core.middleware).
PSG_PUBLIC_CACHE_SECONDS = int(os.environ.get("PSG_PUBLIC_CACHE_SECONDS", "300"))
# How long the region map's counts are cached (see taxonomy.activity).
PSG_REGION_COUNTS_CACHE_SECONDS = int(
    os.environ.get("PSG_REGION_COUNTS_CACHE_SECONDS", "300")
)

# The partners' JSON API under /api/v1/ (psg.api, docs/api.md): requests
# allowed per client IP address ("count/period", period s, m, h or d; empty:
# no limit, counted in the cache) and its Cache-Control max-age.
PSG_API_RATE = os.environ.get("PSG_API_RATE", "120/m")
PSG_API_CACHE_SECONDS = int(os.environ.get("PSG_API_CACHE_SECONDS", "300"))
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Peru Support Group API",
    "DESCRIPTION": (
        "Read-only JSON API for partners who syndicate the Peru Support "
        "Group's news, publications and events."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["psg.api.schema.only_partner_api"],
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "psg.core.models.DatePrecision",
        "NewsKindEnum": "psg.news.models.NewsPage.Kind",
        "PublicationKindEnum": "psg.publications.models.PublicationPage.Kind",
        "TimeZoneEnum": "psg.events.models.EventTimeZone",
        "LanguageEnum": "psg.publications.models.PublicationFile.Language",
    },
}

# Reading a PDF's text for the search runs in a child process with these
# limits; a PDF over them is skipped (publications.pdf_text).
PSG_PDF_TEXT_MEMORY_MB = float(os.environ.get("PSG_PDF_TEXT_MEMORY_MB", "512"))
PSG_PDF_TEXT_SECONDS = float(os.environ.get("PSG_PDF_TEXT_SECONDS", "60"))

# Rate limits for public forms, "count/period" (s, m, h, d); see core.ratelimit.
# The rate limits count in Redis when it is configured, else in the database
# (core.ratelimit; docs/security.md, "Rate limits").
PSG_RATE_LIMIT_REDIS_URL = os.environ.get("REDIS_URL", "")
PSG_RATE_LIMITS = {
    "join-ip": os.environ.get("PSG_RATE_JOIN_IP", "5/h"),
    "join-email": os.environ.get("PSG_RATE_JOIN_EMAIL", "3/h"),
    "signin-ip": os.environ.get("PSG_RATE_SIGNIN_IP", "10/h"),
    "signin-email": os.environ.get("PSG_RATE_SIGNIN_EMAIL", "3/h"),
    "subscribe-ip": os.environ.get("PSG_RATE_SUBSCRIBE_IP", "5/h"),
    "subscribe-email": os.environ.get("PSG_RATE_SUBSCRIBE_EMAIL", "3/h"),
    # Bulletin test sends, per admin user (psg/bulletin/admin/sending.py).
    "bulletin-test": os.environ.get("PSG_RATE_BULLETIN_TEST", "10/h"),
}
PSG_TRUSTED_PROXY_HEADER = os.environ.get("PSG_TRUSTED_PROXY_HEADER", "")
# Signed links in emails: how long they stay valid.
PSG_JOIN_LINK_MAX_AGE = int(os.environ.get("PSG_JOIN_LINK_MAX_AGE", str(3 * 86400)))
PSG_SIGNIN_LINK_MAX_AGE = int(os.environ.get("PSG_SIGNIN_LINK_MAX_AGE", "3600"))
# A join form sent back sooner than this after it was shown is a robot's.
PSG_JOIN_MIN_SECONDS = int(os.environ.get("PSG_JOIN_MIN_SECONDS", "3"))

# Staff accounts (psg.staff, docs/security.md): everyone who can open the
# Wagtail admin signs in with a password and then a one-time code (TOTP, or a
# recovery code once); failed password sign-ins lock out that username from
# that address for a while; a staff session ends after a working day.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PSG_STAFF_SESSION_HOURS = float(os.environ.get("PSG_STAFF_SESSION_HOURS", "10"))
# Members' sessions end after an hour without a request (members.account).
SESSION_COOKIE_AGE = int(PSG_STAFF_SESSION_HOURS * 3600)
OTP_TOTP_ISSUER = "Peru Support Group"
AXES_FAILURE_LIMIT = int(os.environ.get("PSG_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("PSG_LOGIN_LOCKOUT_MINUTES", "30"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failures during a lockout do not extend it, so its end can be told.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# The same client address as the site's rate limits (PSG_TRUSTED_PROXY_HEADER).
AXES_CLIENT_IP_CALLABLE = "psg.core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "psg.staff.lockouts.lockout_response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Lockouts and failures are warnings; each successful sign-in is not news.
LOGGING["loggers"] = {"axes": {"level": "WARNING"}}
# No staff email address (hashed) is sent to a third party for avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (psg.core.csp, docs/security.md): public pages run
# no inline script or style; embeds come only from YouTube and Vimeo. The
# Wagtail admin, which has inline scripts and styles, gets its own policy.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [youtube_provider, vimeo_provider],
    }
]
MEDIA_SOURCES = [MEDIA_URL] if MEDIA_URL.startswith("https://") else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *MEDIA_SOURCES],
        "frame-src": EMBED_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The dashboard would ask releases.wagtail.org for news of new versions.
WAGTAIL_ENABLE_UPDATE_CHECK = False
PSG_ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [
        "'self'",
        "data:",
        "blob:",
        *MEDIA_SOURCES,
        "https://i.ytimg.com",
        "https://i.vimeocdn.com",
    ],
    "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
    "frame-ancestors": ["'self'"],
}

# Backups (psg.core.backups, docs/deployment.md#backups): where `manage.py
# backup` writes by default, the passphrase that encrypts them (unset: not
# encrypted), and where to find pg_dump/pg_restore if not on PATH.
PSG_BACKUP_DIR = Path(os.environ.get("PSG_BACKUP_DIR", VAR_DIR / "backups"))
PSG_BACKUP_KEY = os.environ.get("PSG_BACKUP_KEY", "")
PSG_PG_BIN_DIR = os.environ.get("PSG_PG_BIN_DIR", "")

# Renewals (psg.members.renewals): seconds after which a reminder a dead
# worker left claimed but unsent is sent again.
PSG_RENEWALS_STALE_AFTER = float(os.environ.get("PSG_RENEWALS_STALE_AFTER", "3600"))

# A public form shown longer ago than this is sent back to be sent again.
PSG_FORM_MAX_AGE = int(os.environ.get("PSG_FORM_MAX_AGE", str(24 * 3600)))
