"""Render the official documents as .docx from the committed docxtpl templates."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docxtpl import DocxTemplate

from .content import decision_view, minutes_view, proposal_view
from .model import CouncilMinutes, DecisionDocument, ProposalLetter

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _render(name: str, view: Any, *, landscape_last_section: bool = False) -> bytes:
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
    # autoescape: names such as "Công ty A & B" or "<Tên>" are text, never XML.
    template.render({"v": view}, autoescape=True)
    if landscape_last_section:
        section = template.docx.sections[-1]
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def render_decision_docx(doc: DecisionDocument) -> bytes:
    """Return the decision with its attached list as a .docx file (Decree 30/2020 layout)."""
    view = decision_view(doc)
    return _render("decision", view, landscape_last_section=view.has_list and view.landscape)


def render_proposal_docx(doc: ProposalLetter) -> bytes:
    """Return the tờ trình as a .docx file."""
    return _render("proposal", proposal_view(doc))


def render_minutes_docx(doc: CouncilMinutes) -> bytes:
    """Return the council minutes with the tally as a .docx file."""
    return _render("minutes", minutes_view(doc))
