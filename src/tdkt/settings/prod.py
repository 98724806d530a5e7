"""Production settings: PostgreSQL and a strong key required at start, secure cookies, HSTS.

Importing this module refuses weak or missing secret keys and SQLite with one line saying what
to set (``guards.py``), so a server never starts half-configured; ``check --deploy`` passes.
"""

from tdkt.audit.keys import build_keyring

from .base import *  # noqa: F403
from .base import DATABASES, TDKT_AUDIT_KEY, TDKT_AUDIT_OLD_KEYS
from .env import env_bool, env_int, env_str
from .guards import SettingsRefused, require_production_ready

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "")
require_production_ready(secret_key=SECRET_KEY, database=DATABASES["default"])
# Audit chain key (ADR 0025): refuse to start without a well-formed key.
try:
    build_keyring(TDKT_AUDIT_KEY, TDKT_AUDIT_OLD_KEYS)
except ValueError as exc:
    raise SettingsRefused(f"{exc} (see docs/decisions/0025-keyed-audit-chain.md).") from exc

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
