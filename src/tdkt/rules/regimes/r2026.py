"""R2026 (provisional, inactive): Law 06/2026/QH16 amending Law 06/2022 — UNVERIFIED.

Stored as data only (legal-rules §0): the engine never picks it by date until an administrator
sets `regime.R2026.active = true` after confirming the final text, and may correct
`regime.R2026.effective_from` (reported 01/10/2026). Dossiers received before that date stay
under R2022b. The only change encoded is the BNV draft's CSTĐ cơ sở = HTXSNV **and** an
initiative or research (legal-rules §13.6); everything else is R2022b.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tdkt.rules import codes as k
from tdkt.rules import conditions as c
from tdkt.rules.text import Text

from . import r2022b
from .base import Rule, RuleSet, Transition

DRAFT = "Luật 06/2026/QH16 sửa đổi Luật TĐKT 2022 (dự thảo, chưa xác minh)"


def _grassroots_fighter_draft(rule: Rule) -> Rule:
    """Replace the "HTXSNV or initiative" alternative by "HTXSNV and initiative"."""
    kept = tuple(cond for cond in rule.conditions if cond.kind != "any_of")
    return replace(
        rule,
        conditions=(*kept, c.rating("excellent", DRAFT), c.initiatives("grassroots", 1, 1, DRAFT)),
    )


RULE_SET = RuleSet(
    name="R2026",
    title=Text(
        "Luật TĐKT 2022 sửa đổi năm 2026 (dự thảo, chưa áp dụng)",
        "Law on Emulation and Commendation 2022 as amended in 2026 (draft, not in use)",
    ),
    documents=(DRAFT, *r2022b.RULE_SET.documents),
    effective_from=date(2026, 10, 1),
    effective_to=None,
    parameters=r2022b.PARAMETERS,
    rules=tuple(
        _grassroots_fighter_draft(rule) if rule.code == k.GRASSROOTS_FIGHTER else rule
        for rule in r2022b.RULE_SET.rules
    ),
    caps=r2022b.RULE_SET.caps,
    transitions=(Transition("R2022b", f"{DRAFT}, điều khoản chuyển tiếp"),),
    active_by_default=False,
    dates_unverified=True,
)
