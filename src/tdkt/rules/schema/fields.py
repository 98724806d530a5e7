"""The vocabulary a case schema is written in: typed fields with labels and legal limits.

A `Field` says what one JSON value may be — its kind, whether it is required, its choices
and limits, its labels in both languages. The engine's parser (`reader`), the web form
(`tdkt.commendations.forms`) and the API serializers (`tdkt.api.v1.rules_serializers`) are
all derived from the same fields, so the three accept and refuse the same documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final

from tdkt.rules.codes import MAX_YEAR, MIN_YEAR
from tdkt.rules.text import Text

if TYPE_CHECKING:
    from .reader import Reader

NO_TEXT: Final = Text("", "")

SCALARS: Final = ("date", "year", "count", "choice", "text", "flag")
CONTAINERS: Final = ("object", "list", "year_map")

# A cross-field rule: called with the reader, the clean value (an object's dict of fields, or
# a list's items) and its path; it records problems on the reader.
ObjectCheck = Callable[["Reader", Any, str], None]


@dataclass(frozen=True, slots=True)
class Field:
    """One value of a case document.

    `kind` is a scalar (`date`, `year`, `count`, `choice`, `text`, `flag`) or a container
    (`object` with `fields`, `list` of `item`, `year_map` from year keys to `item`).
    JSON `null` always means "absent". `checks` are cross-field rules of an object.
    """

    name: str
    kind: str
    label: Text
    help: Text = NO_TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    vocabulary: str = ""
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    max_items: int | None = None
    accept_int: bool = False
    fields: tuple[Field, ...] = ()
    item: Field | None = None
    checks: tuple[ObjectCheck, ...] = ()

    def child(self, name: str) -> Field:
        """Return a sub-field by name (an object's field, or the item of a list or map)."""
        if self.item is not None:
            return self.item.child(name) if self.item.kind == "object" else self.item
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    def at(self, path: str) -> Field:
        """Return the field at a dotted path (`ballot.yes`, `awards.code`)."""
        found = self
        for part in path.split("."):
            found = found.child(part)
        return found


def date(name: str, label: Text, help: Text = NO_TEXT, *, required: bool = False) -> Field:
    """A calendar date written `YYYY-MM-DD`."""
    return Field(name, "date", label, help, required=required)


def year(name: str, label: Text, help: Text = NO_TEXT, *, required: bool = False) -> Field:
    """A year the engine can hold (`MIN_YEAR`–`MAX_YEAR`)."""
    return Field(name, "year", label, help, required=required, minimum=MIN_YEAR, maximum=MAX_YEAR)


def count(
    name: str,
    label: Text,
    help: Text = NO_TEXT,
    *,
    minimum: int = 0,
    maximum: int = 1_000_000,
    required: bool = False,
) -> Field:
    """A whole number of people or votes."""
    return Field(name, "count", label, help, required=required, minimum=minimum, maximum=maximum)


def choice(
    name: str,
    label: Text,
    choices: tuple[str, ...],
    vocabulary: str,
    help: Text = NO_TEXT,
    *,
    required: bool = False,
) -> Field:
    """One value of a closed vocabulary (`labels.VOCABULARIES[vocabulary]` names each)."""
    return Field(
        name, "choice", label, help, required=required, choices=choices, vocabulary=vocabulary
    )


def text(
    name: str,
    label: Text,
    help: Text = NO_TEXT,
    *,
    max_length: int = 100,
    required: bool = False,
    accept_int: bool = False,
) -> Field:
    """A short non-empty string (an identifier or a name)."""
    return Field(
        name,
        "text",
        label,
        help,
        required=required,
        max_length=max_length,
        accept_int=accept_int,
    )


def flag(name: str, label: Text, help: Text = NO_TEXT) -> Field:
    """`true`, `false` or absent (not known)."""
    return Field(name, "flag", label, help)


def obj(
    name: str,
    label: Text,
    fields: tuple[Field, ...],
    help: Text = NO_TEXT,
    *,
    required: bool = False,
    checks: tuple[ObjectCheck, ...] = (),
) -> Field:
    """An object with declared fields; any other key is refused."""
    return Field(name, "object", label, help, required=required, fields=fields, checks=checks)


def list_of(
    name: str,
    label: Text,
    item: Field,
    help: Text = NO_TEXT,
    *,
    max_items: int = 500,
    checks: tuple[ObjectCheck, ...] = (),
    required: bool = False,
) -> Field:
    """A list of `item`, at most `max_items` long (a `null` item is a missing one)."""
    return Field(
        name,
        "list",
        label,
        help,
        required=required,
        item=replace(item, required=True),
        max_items=max_items,
        checks=checks,
    )


def year_map(name: str, label: Text, item: Field, help: Text = NO_TEXT) -> Field:
    """An object keyed by year (`{"2024": "excellent"}`)."""
    return Field(name, "year_map", label, help, item=item)


def leaves(spec: Field, prefix: str = "") -> list[tuple[str, Field]]:
    """List every scalar of a schema with its dotted path (list items and maps included)."""
    path = f"{prefix}.{spec.name}" if prefix else spec.name
    if spec.kind == "object":
        return [leaf for f in spec.fields for leaf in leaves(f, path)]
    if spec.item is not None:
        item = spec.item
        if item.kind == "object":
            return [leaf for f in item.fields for leaf in leaves(f, path)]
        if spec.kind == "year_map":  # each value is one item: `ratings.rating`
            return [(f"{path}.{item.name}", item)]
        return [(path, spec)]
    return [(path, spec)]
