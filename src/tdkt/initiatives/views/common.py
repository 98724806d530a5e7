"""What the initiative screens share: service errors on forms and as messages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest

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


def show_error(request: HttpRequest, exc: ApplicationError) -> None:
    """Show a refused action on the next page; a 403 or 404 stays an error page."""
    if isinstance(exc, PermissionDeniedError | NotFoundError):
        raise exc
    details = [m for messages_ in exc.fields.values() for m in messages_ if m != exc.message]
    messages.error(request, " ".join(dict.fromkeys([exc.message, *details])))


def version_of(request: HttpRequest) -> int | None:
    """Return the ``version`` the page was drawn from, when the form sent one.

    Only ASCII digits, and fewer than ten of them: "²" is a digit to ``str.isdigit`` but not
    to ``int``, and a 5,000-digit number is refused by ``int`` itself. Anything else that was
    sent is no version of ours: 0 (no row has it), so the change is refused as stale."""
    value = request.POST.get("version", "")
    if not value:
        return None
    if value.isdecimal() and value.isascii() and len(value) < 10:
        return int(value)
    return 0


def form_errors(form: forms.Form, lead: str) -> str:
    """Return a refused form's errors as one message, each after its field's label."""
    parts = [lead]
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        parts.extend(f"{label}: {error}" if label else str(error) for error in errors)
    return " ".join(parts)
