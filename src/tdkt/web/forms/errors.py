"""Show a service's ApplicationError on a Django form, field by field."""

from __future__ import annotations

from django import forms

from tdkt.core.errors import ApplicationError


def apply_service_error(
    form: forms.Form, exc: ApplicationError, *, aliases: dict[str, str] | None = None
) -> None:
    """Put each message of ``exc.fields`` under its form field, the rest above the form.

    ``aliases`` maps a service field name to the form field that shows it (for example the
    service's ``password`` to the form's ``new_password1``). Unknown fields become non-field
    errors so no message is lost.
    """
    if exc.status != 400:
        # Permission and not-found errors are not form errors: the web_view decorator
        # renders them as 403/404 pages (and the audit middleware records the 403).
        raise exc
    aliases = aliases or {}
    for name, messages in exc.fields.items():
        target = aliases.get(name, name)
        for message in messages:
            if target in form.fields:
                form.add_error(target, message)
            else:
                form.add_error(None, message)
    form.add_error(None, exc.message)
