"""The API is a thin layer: it never writes models itself (STYLE §7 rules 1 and 4)."""

from __future__ import annotations

import ast
from pathlib import Path

import tdkt.api

API_DIR = Path(tdkt.api.__file__).parent
WRITE_METHODS = {
    "save",
    "create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "get_or_create",
}


def _calls(tree: ast.AST) -> list[tuple[str, int]]:
    return [
        (node.func.attr, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    ]


def test_api_modules_make_no_model_writes():
    """No API module calls save/create/update/delete: every write goes through a service."""
    offenders = []
    for path in sorted(API_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [
            f"{path.relative_to(API_DIR)}:{line} .{name}()"
            for name, line in _calls(tree)
            if name in WRITE_METHODS
        ]
    assert offenders == []


def test_api_reads_registry_through_selectors():
    """API modules import registry reads from selectors, writes from services, nothing else."""
    offenders = []
    for path in sorted(API_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "tdkt.organizations"
            ):
                allowed = {
                    "tdkt.organizations.selectors",
                    "tdkt.organizations.services",
                    "tdkt.organizations.models",
                    "tdkt.organizations.constants",
                }
                if node.module not in allowed:
                    offenders.append(f"{path.relative_to(API_DIR)}: {node.module}")
    assert offenders == []
