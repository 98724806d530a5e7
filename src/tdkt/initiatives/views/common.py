"""What the initiative screens share: service errors on forms and in one message."""

from __future__ import annotations

from django import forms

from tdkt.core.errors import ApplicationError, NotFoundError, PermissionDeniedError


def on_form(form: forms.Form, exc: ApplicationError) -> None:
    """Put a refused change's messages on the form; a 403 or 404 stays an error page."""
    if isinstance(exc, PermissionDeniedError | NotFoundError):
        raise exc
    for name, messages_ in exc.fields.items():
        for message in messages_:
            form.add_error(name if name in form.fields else None, message)
    if not any(exc.message in m for m in exc.fields.values()):
        form.add_error(None, exc.message)


def form_errors(form: forms.Form, lead: str) -> str:
    """Return a refused form's errors as one message, each after its field's label."""
    parts = [lead]
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        parts.extend(f"{label}: {error}" if label else str(error) for error in errors)
    return " ".join(parts)
