"""What a reader of a rules page sees: its visible text, and the English that must not show."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Words that gave the pages away as untranslated (issue #8), and engine vocabulary.
ENGLISH = re.compile(
    r"\b(Prize|coefficient|True|False|None|ceiling|nearest|reprimand|warning|demotion|"
    r"dismissal|months?|years?|council|members|percent|individual|collective|"
    r"unverified|UNVERIFIED|excellent|good|complete|incomplete|grassroots|provincial|"
    r"national|calendar|period|base salary|API|JSON|Note)\b"
)
INTERNAL_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\bR20\d\d[ab]?\b|\b\d{4}-\d{2}-\d{2}\b")


class _Text(HTMLParser):
    def __init__(self, skip: tuple[str, ...]) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0
        self.skip = skip

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag in ("script", "style") or any(c in classes.split() for c in self.skip):
            self.hidden += 1
        elif self.hidden:
            self.hidden += 1 if tag not in VOID else 0

    def handle_endtag(self, tag):
        if self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base"}


def visible_text(html: str, *, skip: tuple[str, ...] = ()) -> str:
    """Return the text a reader sees (no tags, scripts or styles; `skip` drops by class)."""
    parser = _Text(skip)
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def main_text(html: str, *, skip: tuple[str, ...] = ()) -> str:
    """Return the visible text of the page's <main> (the layout's menu and footer aside)."""
    body = html.split("<main>", 1)[-1].split("</main>", 1)[0]
    return visible_text(body, skip=skip)


def giveaways(text: str) -> list[str]:
    """Return the English words and internal codes a Vietnamese reader would see."""
    return sorted(
        {m.group(0) for m in ENGLISH.finditer(text)}
        | {m.group(0) for m in INTERNAL_CODE.finditer(text)}
    )
