"""Match a file's header row to an importer's columns, ignoring case, accents and a "*"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tdkt.core.text import fold


def header_key(text: str) -> str:
    """Return the matching key of a header: folded, without the trailing "*" of required."""
    return fold(str(text)).rstrip("*").strip()


@dataclass
class HeaderMatch:
    """Where each expected column is, and what is wrong or unknown in the header row."""

    positions: dict[str, int]
    unknown: list[str]
    missing: list[str]
    duplicated: list[str]


def match_headers(
    headers: Sequence[str], expected: Mapping[str, Sequence[str]], required: Sequence[str]
) -> HeaderMatch:
    """Match the file's headers to ``expected`` (key → accepted header texts), ignoring case,
    accents, spacing and a trailing "*". Order in the file does not matter."""
    lookup = {header_key(text): key for key, texts in expected.items() for text in texts}
    positions: dict[str, int] = {}
    unknown: list[str] = []
    duplicated: list[str] = []
    for index, text in enumerate(headers):
        if not text:
            continue
        key = lookup.get(header_key(text))
        if key is None:
            unknown.append(text)
        elif key in positions:
            duplicated.append(text)
        else:
            positions[key] = index
    missing = [key for key in required if key not in positions]
    return HeaderMatch(positions, unknown, missing, duplicated)
