"""The English catalogue is complete: every extracted Vietnamese string has a translation."""

from __future__ import annotations

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "src/tdkt/locale/en/LC_MESSAGES/django.po"


def _entries(text: str) -> list[tuple[str, str, str]]:
    """Return (flags, msgid, msgstr) per entry, with continued lines joined."""
    entries = []
    for block in text.split("\n\n"):
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        strings: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgstr|msgid_plural|msgstr\[\d+\]) "(.*)"$', line)
            if match:
                key = match.group(1)
                strings[key] = match.group(2)
            elif key and line.startswith('"'):
                strings[key] += line[1:-1]
        if "msgid" in strings and not block.lstrip().startswith("#~"):
            msgstr = strings.get("msgstr", strings.get("msgstr[0]", ""))
            entries.append((flags, strings["msgid"], msgstr))
    return entries


def test_every_string_is_translated_and_keeps_its_placeholders():
    """No empty or fuzzy English entry, and %(name)s placeholders survive translation."""
    entries = [e for e in _entries(PO.read_text(encoding="utf-8")) if e[1]]
    assert len(entries) > 400
    untranslated = [msgid for _, msgid, msgstr in entries if not msgstr]
    fuzzy = [msgid for flags, msgid, _ in entries if "fuzzy" in flags]
    broken = [
        msgid
        for _, msgid, msgstr in entries
        if sorted(re.findall(r"%\(\w+\)s", msgid)) != sorted(re.findall(r"%\(\w+\)s", msgstr))
    ]
    assert (untranslated, fuzzy, broken) == ([], [], [])
