"""Account writes. Every function: permission check, validation, save, audit entry, all in
one transaction. Nothing else writes users or API tokens (``tdkt.accounts.guard`` records
anything that tries)."""

from .common import user_version
from .lockouts import login_records_delete, user_unlock
from .passwords import user_password_change, user_set_password
from .tokens import api_token_authenticate, api_token_create, api_token_revoke
from .users import user_create, user_deactivate, user_reactivate, user_update

__all__ = [
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "login_records_delete",
    "user_create",
    "user_deactivate",
    "user_password_change",
    "user_reactivate",
    "user_set_password",
    "user_unlock",
    "user_update",
    "user_version",
]
