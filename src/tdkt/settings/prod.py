"""Production settings: PostgreSQL required, secure cookies, HSTS; passes ``check --deploy``."""

from django.core.exceptions import ImproperlyConfigured

from tdkt.audit.keys import build_keyring

from .base import *  # noqa: F403
from .base import TDKT_AUDIT_KEY, TDKT_AUDIT_OLD_KEYS
from .env import env_bool, env_int, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("TDKT_SECRET_KEY must be set to at least 50 random characters.")
if not env_str("DATABASE_URL"):
    raise ImproperlyConfigured("TDKT_DATABASE_URL must point to PostgreSQL in production.")
# Audit chain key (ADR 0025): refuse to start without a well-formed key.
try:
    build_keyring(TDKT_AUDIT_KEY, TDKT_AUDIT_OLD_KEYS)
except ValueError as exc:
    raise ImproperlyConfigured(f"{exc} (see docs/decisions/0025-keyed-audit-chain.md).") from exc

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
