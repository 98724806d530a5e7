"""Find what gives away an untranslated or developer-facing page in the Vietnamese UI.

A page passes when its visible text (and the texts a screen reader or a hover shows: ``title``,
``aria-label``, ``placeholder``, button values) holds none of:

* an English word from ``ENGLISH`` (the words our templates and Django's own widgets use);
* an ISO date (``2025-04-30``) or an ISO timestamp: Vietnamese writes ``30/04/2025``;
* a raw internal id in a history line (``#12``), a Python value (``True``/``False``/``None``),
  an identifier in ``snake_case`` (a rule or parameter code), a rule-set code (``R2022b``);
* a country shown as its ISO code where a country is named (``VN``, ``JP`` …);
* an amount written without grouping (``45000000 USD``): Vietnamese writes ``45.000.000 USD``.

The English list leaves out words that are also Vietnamese without their marks (to, may, no,
day, or, not): "may mặc" is a garment enterprise, not a modal verb.

Text inside an element marked ``lang="en"`` (the "English" language button) or of class
``advanced`` / with ``data-advanced`` (the rules checker's corner for API users, decision 0107)
is left out on purpose. ``tests/commendations/pages.py`` is the rules pages' stricter cousin.
Used by the page walks in ``tests/web`` and the phone walk in ``tests/e2e``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

ENGLISH = {
    "add", "all", "and", "back", "cancel", "change", "close", "create", "date", "delete",
    "details", "download", "edit", "error", "false", "filter", "from", "history", "home",
    "login", "logout", "menu", "name", "next", "none", "null", "of", "page", "password",
    "previous", "required", "reset", "save", "search", "select", "show", "status", "submit",
    "the", "this", "true", "unknown", "update", "upload", "user", "view", "with", "yes",
    "months", "years", "days", "mode", "ceiling", "prize", "coefficient", "reprimand",
    "members", "council", "field", "invalid", "currently", "clear", "choose", "file", "month",
    "year", "today", "yesterday", "january", "february", "april", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "warning", "individual", "collective", "percent",
    "period", "calendar", "note", "excellent", "complete", "incomplete", "national",
    "provincial", "grassroots", "unverified", "demotion", "dismissal",
}  # fmt: skip
# Two-letter codes of the countries whose investors appear in the Board's zones, checked as a
# whole word only (Vietnamese abbreviations such as KCN, CX, QĐ are longer or not in the list).
COUNTRY_CODES = {
    "VN", "JP", "KR", "CN", "TW", "SG", "US", "DE", "FR", "GB", "HK", "TH", "MY", "NL", "IN",
    "AU", "CH", "IT", "SE", "DK", "CA",
}  # fmt: skip

WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
RAW_ID = re.compile(r"(?<![\w&])#\d+\b")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
RULE_SET = re.compile(r"\bR(?:19|20)\d\d[a-z]?\b")
CODE_TOKEN = re.compile(r"(?<![\w.-])[A-Z]{2}(?![\w.-])")
UNGROUPED = re.compile(r"(?<![\d.,])\d{4,}(?=\s*(?:USD|EUR|JPY|VND|đồng|đ)\b)")

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


@dataclass(frozen=True)
class Giveaway:
    """One finding: what kind, the offending text, and the sentence it sits in."""

    kind: str
    found: str
    context: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.found!r} in {self.context!r}"


class _TextCollector(HTMLParser):
    """Collect the visible text and the read-aloud attributes of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._stack: list[tuple[str, bool]] = []

    @property
    def _skipping(self) -> bool:
        return any(skip for _tag, skip in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skip = (
            tag in SKIPPED_TAGS
            or values.get("lang", "vi") == "en"
            or "data-advanced" in values
            or "advanced" in str(values.get("class") or "").split()
            or "hidden" in values
        )
        if tag not in VOID:
            self._stack.append((tag, skip))
        if skip or self._skipping:
            return
        self.texts.extend(str(values[name]) for name in ATTRIBUTES if values.get(name))
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.texts.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    """Return the page's visible text pieces and read-aloud attribute values."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.texts


def find_giveaways(html: str) -> list[Giveaway]:
    """Return every English word, ISO date, internal code or ungrouped amount on the page."""
    found: list[Giveaway] = []
    for text in visible_texts(html):
        found.extend(scan_text(text))
    return found


def scan_text(text: str) -> list[Giveaway]:
    """Return the giveaways in one piece of visible text."""
    found = [
        Giveaway("English word", word, text)
        for word in WORD.findall(text)
        if word.isascii() and word.lower() in ENGLISH
    ]
    patterns = [
        ("ISO date", ISO_DATE),
        ("internal id", RAW_ID),
        ("code", SNAKE),
        ("rule-set code", RULE_SET),
        ("ungrouped number", UNGROUPED),
    ]
    for kind, pattern in patterns:
        found.extend(Giveaway(kind, match, text) for match in pattern.findall(text))
    found.extend(
        Giveaway("country code", code, text)
        for code in CODE_TOKEN.findall(text)
        if code in COUNTRY_CODES
    )
    return found
