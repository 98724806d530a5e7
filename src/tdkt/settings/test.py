"""Test settings: fast hashing, in-memory cache, throw-away media root, tasks run at once."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES
from .env import env_str

SECRET_KEY = "test-only-key"  # noqa: S105
TDKT_AUDIT_KEY = "test:fixed-audit-key-for-tests-only-000000"  # ADR 0025
TDKT_AUDIT_OLD_KEYS = []
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tdkt-test-media-"))
# Private files (dossiers, movement plans) of a test run never land in the working tree's var/.
TDKT_PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="tdkt-test-private-"))
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not env_str("DATABASE_URL"):
    DATABASES["default"]["TEST"] = {"NAME": None}  # in-memory
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
# Enqueued tasks run in the caller's thread, so a test sees their effect at once; the tests of
# the database backend itself switch to it with override_settings and run a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
