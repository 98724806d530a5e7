"""The one error type that services raise; views, API and CLI map it in one place each."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """Stable, machine-readable error codes (the API returns them as ``code``)."""

    INVALID = "invalid"
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    CONFLICT = "conflict"
    IMPORT_FAILED = "import_failed"
    LOCKED_OUT = "locked_out"
    PRECONDITION_FAILED = "precondition_failed"


class ApplicationError(Exception):
    """A business error with a user-facing (Vietnamese by default) message and a stable code.

    ``fields`` maps a field name to its messages, so forms and the API can show them inline.
    """

    status = 400

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode = ErrorCode.INVALID,
        fields: dict[str, list[str]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.fields = fields or {}
        self.extra = extra or {}


class PermissionDeniedError(ApplicationError):
    """The actor may not see or change this object."""

    status = 403

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, code=ErrorCode.FORBIDDEN, **kwargs)


class NotFoundError(ApplicationError):
    """The object does not exist or is outside the actor's scope (never say which)."""

    status = 404

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, code=ErrorCode.NOT_FOUND, **kwargs)


class OutOfScopeError(NotFoundError):
    """The object exists but lies outside the actor's scope.

    It answers exactly like ``NotFoundError`` (same status, code and message: no existence
    oracle); only the interfaces tell it apart, to record the attempt as ACCESS_DENIED.
    """


class ConflictError(ApplicationError):
    """The change no longer fits the current state: someone else changed the object first, or
    it is already in the requested state."""

    status = 409

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, code=ErrorCode.CONFLICT, **kwargs)


class StaleVersionError(ApplicationError):
    """The record changed since the editor read it (their version is not the current one):
    nothing is written (412, as for a failed ``If-Match``; decision 0038)."""

    status = 412

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, code=ErrorCode.PRECONDITION_FAILED, **kwargs)


class LockedOutError(ApplicationError):
    """Too many wrong attempts: the action is refused for a while, even with the right input."""

    status = 429

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, code=ErrorCode.LOCKED_OUT, **kwargs)
