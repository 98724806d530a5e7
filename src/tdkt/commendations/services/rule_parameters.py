"""Set and clear local rule parameters; the engine owns the names, types and legal ranges."""

from __future__ import annotations

from typing import Any, Final

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.models import RuleParameterOverride
from tdkt.core.errors import ApplicationError, ErrorCode
from tdkt.rules.params import format_plain

MAX_BASIS: Final = 500
MAX_VALUE: Final = 100
NO_VERSION: Final = ""  # the version of a parameter with no local value yet


class ParameterChangedError(ApplicationError):
    """Someone changed the value since the editor read it (409): nothing is overwritten."""

    status = 409

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, code=ErrorCode.CONFLICT, **kwargs)


def version_of(override: RuleParameterOverride | None) -> str:
    """Return the version an editor saw: the time of the last change, or `NO_VERSION`."""
    return NO_VERSION if override is None else override.updated_at.isoformat()


def ensure_can_change_parameters(actor: Any) -> None:
    """Refuse (403) unless the actor is an emulation officer or the administrator."""
    ensure_board_writer(
        actor, _("Chỉ cán bộ thi đua – khen thưởng được thay đổi tham số quy tắc khen thưởng.")
    )


def _key(name: str, rule_set: str) -> str:
    return f"{rule_set}:{name}" if rule_set else name


def _checked_value(name: str, rule_set: str, value: Any) -> str:
    """Return the value as stored (canonical), or raise with a Vietnamese message."""
    if rule_set and rule_set not in rules.REGISTRY.names():
        raise ApplicationError(
            _("Bộ quy tắc %(rs)s không tồn tại.") % {"rs": rule_set},
            fields={"rule_set": [_("Không có bộ quy tắc này.")]},
        )
    if isinstance(value, str) and len(value) > MAX_VALUE:
        raise ApplicationError(
            _("Giá trị quá dài."), fields={"value": [_("Tối đa %(n)s ký tự.") % {"n": MAX_VALUE}]}
        )
    try:
        coerced = rules.REGISTRY.coerce_override(_key(name, rule_set), value)
    except rules.ParameterError as exc:
        if exc.code == "unknown":
            raise ApplicationError(
                _("Bộ quy tắc này không có tham số đó."),
                fields={"rule_set": [_("Bộ quy tắc này không có tham số đó.")]},
            ) from exc
        detail = exc.render("en" if (get_language() or "vi").startswith("en") else "vi")
        raise ApplicationError(
            _("Giá trị không hợp lệ: %(detail)s.") % {"detail": detail},
            fields={"value": [detail[:1].upper() + detail[1:] + "."]},
        ) from exc
    return format_plain(coerced)


def _check_version(override: RuleParameterOverride | None, expected: str | None) -> None:
    if expected is not None and expected != version_of(override):
        raise ParameterChangedError(
            _(
                "Tham số vừa được người khác thay đổi. Hãy xem giá trị mới trước khi lưu lại; "
                "chưa có gì được ghi."
            )
        )


@transaction.atomic
def rule_parameter_set(
    *,
    actor: Any,
    name: str,
    value: Any,
    basis: str,
    rule_set: str = "",
    expected_version: str | None = None,
) -> RuleParameterOverride:
    """Set a local value for a parameter: every rule set that has it, or one (`rule_set`).

    The value is checked by the engine against the parameter's type and legal range and
    stored in its canonical form; the legal basis is mandatory. `expected_version` (from
    `version_of`) refuses to overwrite a change the editor has not seen (409).
    """
    ensure_can_change_parameters(actor)
    basis = (basis or "").strip()
    if not basis:
        raise ApplicationError(
            _("Cần ghi căn cứ (văn bản, điều khoản hoặc lý do) khi thay đổi tham số."),
            fields={"basis": [_("Bắt buộc.")]},
        )
    if len(basis) > MAX_BASIS:
        raise ApplicationError(
            _("Căn cứ quá dài."), fields={"basis": [_("Tối đa %(n)s ký tự.") % {"n": MAX_BASIS}]}
        )
    if name not in rules.REGISTRY.known_parameters:
        raise ApplicationError(
            _("Tham số %(name)s không có trong bộ quy tắc.") % {"name": name},
            fields={"name": [_("Không tồn tại.")]},
        )
    stored = _checked_value(name, rule_set, value)
    key = _key(name, rule_set)
    override = RuleParameterOverride.objects.select_for_update().filter(key=key).first()
    _check_version(override, expected_version)
    before = None if override is None else (override.value, override.basis)
    if override is None:
        override = RuleParameterOverride(key=key, value=stored, basis=basis, updated_by=actor)
        override.save()
    else:
        override.value, override.basis, override.updated_by = stored, basis, actor
        override.save(update_fields=["value", "basis", "updated_by", "updated_at"])
    record(
        event_type=AuditEventType.RULE_PARAMETER_SET,
        actor=actor,
        obj=override,
        changes={
            "value": [None if before is None else before[0], stored],
            "basis": [None if before is None else before[1], basis],
        },
    )
    return override


@transaction.atomic
def rule_parameter_clear(*, actor: Any, key: str, expected_version: str | None = None) -> None:
    """Remove a local value so the engine's default applies again."""
    ensure_can_change_parameters(actor)
    override = RuleParameterOverride.objects.select_for_update().filter(key=key).first()
    _check_version(override, expected_version)
    if override is None:
        return
    record(
        event_type=AuditEventType.RULE_PARAMETER_CLEARED,
        actor=actor,
        obj=override,
        changes={"value": [override.value, None], "basis": [override.basis, None]},
    )
    override.delete()
