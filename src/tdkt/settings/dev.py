"""Developer settings: DEBUG on, a fixed insecure key, demo data expected."""

from tdkt.audit.keys import local_key

from .base import *  # noqa: F403
from .base import TDKT_AUDIT_KEY, VAR_DIR
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")

# Audit chain key (ADR 0025): without TDKT_AUDIT_KEY, a local key kept in var/audit.key.
if not TDKT_AUDIT_KEY:
    TDKT_AUDIT_KEY = local_key(VAR_DIR / "audit.key")

# Notification e-mails are printed on the console (the worker's output) unless a backend is set.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
