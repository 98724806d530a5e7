"""The outcome of one import: counts, warnings and every row-level error found."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def display_value(value: Any) -> str:
    """Return a cell value as the user typed or saw it (dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if not value.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)[:200]


@dataclass(frozen=True)
class RowError:
    """One problem: ``row`` as shown in Excel (None for the whole file), the column header,
    the offending value as text, and a message in the user's language."""

    row: int | None
    column: str
    value: str
    message: str


@dataclass
class ImportResult:
    """What an import did, or would have done; ``ok`` False means nothing was written."""

    importer: str
    filename: str
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file was valid (and, unless a dry run, applied)."""
        return not self.errors

    def add_error(
        self, *, row: int | None, column: str = "", value: Any = None, message: str
    ) -> None:
        """Record one error; the same message for the same cell is kept once."""
        error = RowError(row, column, display_value(value), str(message))
        if error not in self.errors:
            self.errors.append(error)

    def count(self, outcome: str) -> None:
        """Count one applied row by its outcome: "created", "updated" or "unchanged"."""
        setattr(self, outcome, getattr(self, outcome) + 1)

    def sorted_errors(self) -> list[RowError]:
        """Return the errors in file order (file-level first, then by row)."""
        return sorted(self.errors, key=lambda e: (e.row or 0, e.row is not None))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportResult:
        """Return the result ``as_dict`` described (a background import's stored report)."""
        return cls(
            importer=str(data.get("importer", "")),
            filename=str(data.get("file", "")),
            dry_run=bool(data.get("dry_run")),
            rows=int(data.get("rows", 0)),
            created=int(data.get("created", 0)),
            updated=int(data.get("updated", 0)),
            unchanged=int(data.get("unchanged", 0)),
            errors=[
                RowError(
                    e.get("row"),
                    str(e.get("column", "")),
                    str(e.get("value", "")),
                    str(e.get("message", "")),
                )
                for e in data.get("errors", [])
            ],
            warnings=[str(w) for w in data.get("warnings", [])],
        )

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready summary (used by ``tdkt import --format json``)."""
        return {
            "importer": self.importer,
            "file": self.filename,
            "ok": self.ok,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [asdict(e) for e in self.sorted_errors()],
            "warnings": list(self.warnings),
        }
