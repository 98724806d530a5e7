"""Set and clear local rule parameters; the engine validates names and values."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.accounts.scopes import ensure_board_writer
from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import record
from tdkt.commendations.models import RuleParameterOverride
from tdkt.commendations.selectors import rule_overrides
from tdkt.core.errors import ApplicationError


def _check(key: str, value: str) -> None:
    """Refuse unknown names, wrong rule sets and values of the wrong type, in Vietnamese."""
    scope, _sep, name = key.rpartition(":")
    rule_sets = [scope] if scope else list(rules.REGISTRY.names())
    if scope and scope not in rules.REGISTRY.names():
        raise ApplicationError(
            _("Bộ quy tắc %(rs)s không tồn tại.") % {"rs": scope},
            fields={"rule_set": [_("Không tồn tại.")]},
        )
    if name not in rules.REGISTRY.known_parameters:
        raise ApplicationError(
            _("Tham số %(name)s không có trong bộ quy tắc.") % {"name": name},
            fields={"name": [_("Không tồn tại.")]},
        )
    candidate = {**rule_overrides(), key: value}
    known = False
    for rule_set in rule_sets:
        try:
            values = {pv.parameter.name for pv in rules.list_parameters(rule_set, candidate)}
        except rules.ParameterError as exc:
            raise ApplicationError(
                _("Giá trị không hợp lệ: %(detail)s") % {"detail": exc},
                fields={"value": [str(exc)]},
            ) from exc
        known = known or name in values
    if not known:
        raise ApplicationError(
            _("Tham số %(name)s không có trong bộ quy tắc.") % {"name": name},
            fields={"name": [_("Không tồn tại.")]},
        )


@transaction.atomic
def rule_parameter_set(
    *, actor: Any, name: str, value: str, basis: str, rule_set: str = ""
) -> RuleParameterOverride:
    """Set a local value for a parameter (all rule sets, or one when ``rule_set`` is given)."""
    ensure_board_writer(actor)
    key = f"{rule_set}:{name}" if rule_set else name
    value = str(value).strip()
    if not basis.strip():
        raise ApplicationError(
            _("Cần ghi căn cứ (văn bản hoặc lý do) khi thay đổi tham số."),
            fields={"basis": [_("Bắt buộc.")]},
        )
    _check(key, value)
    override = RuleParameterOverride.objects.select_for_update().filter(key=key).first()
    before = None if override is None else override.value
    if override is None:
        override = RuleParameterOverride(key=key)
    override.value, override.basis, override.updated_by = value, basis.strip(), actor
    override.save()
    record(
        event_type=AuditEventType.RULE_PARAMETER_SET,
        actor=actor,
        obj=override,
        changes={"value": [before, value], "basis": [None, override.basis]},
    )
    return override


@transaction.atomic
def rule_parameter_clear(*, actor: Any, key: str) -> None:
    """Remove a local value so the engine's default applies again."""
    ensure_board_writer(actor)
    override = RuleParameterOverride.objects.select_for_update().filter(key=key).first()
    if override is None:
        return
    record(
        event_type=AuditEventType.RULE_PARAMETER_CLEARED,
        actor=actor,
        obj=override,
        changes={"value": [override.value, None]},
    )
    override.delete()
