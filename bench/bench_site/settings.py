"""Settings of the registry benchmark's server: tdkt as deployed (DEBUG off), any database.

Production settings refuse SQLite, and the benchmark runs on SQLite too, so this starts from
``tdkt.settings.base`` and changes only what a benchmark needs: fixed keys, no API throttle
(16 connections would reach the hourly rate in seconds), quiet logs, and a URL conf that adds
the bare view. The database comes from ``TDKT_DATABASE_URL``, set by ``registry_bench.py``.
"""

from tdkt.settings.base import *  # noqa: F403
from tdkt.settings.base import REST_FRAMEWORK

DEBUG = False
SECRET_KEY = "bench-only-key-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
# The audit chain is keyed (ADR 0025); the benchmark's throw-away registry gets a fixed key.
TDKT_AUDIT_KEY = "bench:fixed-audit-key-for-the-benchmark-only-0000"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench_site.urls"
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
