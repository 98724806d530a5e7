"""Interfaces stay thin: web, API and command-line code never write models themselves.

Every write goes through a service that checks permission and records the audit event
(STYLE.md §7 rules 1 and 4); a model write from a view would skip both.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "tdkt"
INTERFACE_MODULES = [
    *SRC.glob("web/views/*.py"),
    *SRC.glob("web/forms/*.py"),
    *SRC.glob("api/**/*.py"),
    *SRC.glob("*/views.py"),
    *SRC.glob("*/views/*.py"),
    *SRC.glob("*/forms.py"),
    *SRC.glob("*/management/commands/*.py"),
]
# seed_demo writes through services too; its data modules live in tdkt.core.demo.
WRITE_METHODS = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}


def _writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(SRC)}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITE_METHODS
    ]


def test_interface_modules_make_no_model_writes():
    """No view, form, API module or command calls save/create/update/delete on a model."""
    assert len(INTERFACE_MODULES) > 20
    offenders = [line for path in sorted(INTERFACE_MODULES) for line in _writes(path)]
    assert offenders == []
