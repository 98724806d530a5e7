"""Every setting of tdkt, read from ``TDKT_*`` environment variables with safe defaults.

Per-environment modules (dev, test, prod) import this and change only what differs.
Policy values (base salary, prize coefficients, thresholds) are data, not settings.
"""

from __future__ import annotations

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .database import database_settings
from .env import env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parent.parent  # src/tdkt
BASE_DIR = SRC_DIR.parent.parent  # repository root
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "tdkt.accounts",  # before auth and axes: its audited commands replace theirs (ADR 0022)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "csp",
    "django_countries",  # country names in Vietnamese (ADR 0051)
    "django_tasks",
    "django_tasks_db",
    "tdkt.core",
    "tdkt.audit",
    "tdkt.organizations",
    "tdkt.documents",
    "tdkt.commendations",
    "tdkt.indicators",
    "tdkt.notifications",
    "tdkt.movements",
    "tdkt.emulation_groups",
    "tdkt.contests",
    "tdkt.initiatives",
    "tdkt.surveys",
    "tdkt.reports",
    "tdkt.petitions",
    "tdkt.demo",
    "tdkt.web",
    "tdkt.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tdkt.web.middleware.SlidingSessionMiddleware",
    "tdkt.web.middleware.PrivateDownloadsMiddleware",
    "tdkt.web.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tdkt.audit.middleware.SecurityAuditMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tdkt.urls"
WSGI_APPLICATION = "tdkt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]


# One code path for every database, and for SQLite however its file is named
# (settings/database.py): WAL, IMMEDIATE transactions, busy timeout and foreign keys.
DATABASES = {
    "default": database_settings(
        env_str("DATABASE_URL", ""),
        sqlite_path=Path(env_str("SQLITE_PATH", str(VAR_DIR / "tdkt.sqlite3"))),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "tdkt.accounts.validators.CharacterClassValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after inactivity and when the browser closes. The expiry slides with activity,
# but the session row is rewritten only once a tenth of its age has passed since the last write
# (tdkt.web.middleware.SlidingSessionMiddleware), not on every request.
SESSION_COOKIE_AGE = env_int("SESSION_SECONDS", 8 * 60 * 60)
TDKT_SESSION_REFRESH_FRACTION = 0.1
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Login throttling: lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "tdkt.core.network.client_address"  # behind proxies too (ADR 0057)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
FORMAT_MODULE_PATH = ["tdkt.formats"]  # Vietnamese thousands grouping (1.234.567)
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

# Uploads: refuse large bodies early; imports apply their own, stricter limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
TDKT_IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
# Private files (proposal dossiers, movement plans): outside the web root, served only by
# views that check the reader. A movement's plan file is at most TDKT_PLAN_FILE_MAX_BYTES.
TDKT_PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(VAR_DIR / "private")))
TDKT_PLAN_FILE_MAX_BYTES = env_int("PLAN_FILE_MAX_BYTES", 20 * 1024 * 1024)
TDKT_API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 30)  # lifetime of new API tokens

# Audit trail (ADR 0025-0027): the key that signs new links, "<key id>:<secret>", never stored
# in the database; retired keys, comma-separated, kept only to verify the links they signed;
# the window over which security events from anonymous clients are counted, not chained.
TDKT_AUDIT_KEY = env_str("AUDIT_KEY", "")
TDKT_AUDIT_OLD_KEYS = env_list("AUDIT_OLD_KEYS", [])
TDKT_AUDIT_ANONYMOUS_WINDOW_SECONDS = env_int("AUDIT_ANONYMOUS_WINDOW_SECONDS", 600)

# The public address printed in certificates' QR codes (…/verify/<token>/): the address
# citizens reach, not the one an officer happened to use.
TDKT_PUBLIC_URL = env_str("PUBLIC_URL", "http://127.0.0.1:8000")
# Reverse proxies in front of the app that append the client's address to X-Forwarded-For
# (nginx alone: 1). 0 trusts no header and uses REMOTE_ADDR (tdkt.core.network, ADR 0057).
TDKT_TRUSTED_PROXIES = max(env_int("TRUSTED_PROXIES", 0), 0)
# Verification page: at most this many look-ups per client address per window (seconds).
TDKT_VERIFY_RATE = (env_int("VERIFY_RATE_LIMIT", 30), env_int("VERIFY_RATE_WINDOW", 600))

# Dossier files of proposals: private storage outside the web root, served by a checked view.
TDKT_PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(VAR_DIR / "private")))
TDKT_ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
# A zone's satisfaction index is shown only when at least this many of its enterprises answered
# the survey: fewer would tell one enterprise's own ratings (docs/surveys.md, decision 0815).
TDKT_SURVEY_MIN_ZONE_ANSWERS = env_int("SURVEY_MIN_ZONE_ANSWERS", 3)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "tdkt.api.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "tdkt.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "tdkt.api.errors.exception_handler",
    # Bounded parsers: no JSON nested past 32 levels, no multipart past the import limit.
    "DEFAULT_PARSER_CLASSES": [
        "tdkt.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "tdkt.api.parsers.BoundedMultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": "2000/hour"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "tdkt API",
    # Swagger UI is served from the app's static files (drf-spectacular-sidecar), not a CDN:
    # the Board's network may have no internet.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "DESCRIPTION": (
        "Emulation and commendation management (thi đua – khen thưởng).\n\n"
        "Every error has one JSON shape, `{code, message, fields}`. A body that cannot be read "
        "answers 400 `parse_error` (invalid JSON, or arrays/objects nested deeper than 32 "
        "levels), a body of another type 415 `unsupported_media_type`, a body over the size "
        "limit 413 `payload_too_large`, and an unexpected failure 500 `server_error` with no "
        "detail. The schema and these docs need a signed-in session or a token."
    ),
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Zones and groups both have a `kind`; name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "ZoneKindEnum": "tdkt.organizations.constants.ZoneKind",
        "GroupKindEnum": "tdkt.organizations.constants.GroupKind",
        "OrganizationKindEnum": "tdkt.organizations.constants.OrganizationKind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint reports each layout step at INFO: noise on the command line's stderr.
        "weasyprint": {"level": "WARNING"},
        # Django's default config gives "django" its own console handler; without this, its
        # messages would print twice (there and through the root handler).
        "django": {
            "handlers": ["console"],
            "level": env_str("LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}

# Background tasks (Django's task API through the django-tasks backport): queued in the
# database, run by `tdkt db_worker` processes (`make run` runs one beside the dev server).
# Progress that users see is a tdkt.core BackgroundJob row; see docs/background-tasks.md.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
#: Where finished jobs leave their files (error reports, document batches), under MEDIA_ROOT.
TDKT_JOB_FILES_DIR = "jobs"

# E-mail (notifications, docs/decisions/0602): Django's SMTP backend by default; development
# prints messages on the console and the tests keep them in memory (locmem).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("EMAIL_FROM", "tdkt@localhost")

# Content-Security-Policy: everything from this origin only; no inline script or style, no
# eval, no plugins, no framing. `data:` images are allowed because Pico's and Swagger UI's CSS
# draw their icons with data: URIs (an image cannot run code).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
