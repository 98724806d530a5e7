"""The committed pages in docs/rules/ are exactly what the rule data generates."""

from __future__ import annotations

from pathlib import Path

from tdkt.rules.docgen import generate

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_committed_rule_docs_are_up_to_date():
    """Regenerate with `python -m tdkt.rules.docgen docs/rules` when this fails."""
    pages = generate()
    committed = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert sorted(committed) == sorted(pages)
    stale = [name for name, text in pages.items() if committed[name] != text]
    assert stale == [], f"stale pages: {stale}"


def test_every_page_flags_unverified_parameters_and_cites_articles():
    """Each title page shows citations, and UNVERIFIED values are visible to the reader."""
    pages = generate()
    assert "**UNVERIFIED**" in pages["grassroots_emulation_fighter.md"]
    assert "Luật TĐKT 2022, Điều 23" in pages["grassroots_emulation_fighter.md"]
    assert "`ok` null" in pages["README.md"] or '"ok": null' in pages["README.md"]
