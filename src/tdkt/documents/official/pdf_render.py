"""Render the official documents as PDF with WeasyPrint from HTML/CSS templates.

The HTML templates (Jinja2, autoescaped) place the texts composed in ``content``; the same
texts go into the .docx, so both formats say the same thing. Fonts are embedded (subsets) and
the text stays real Unicode, so the PDF can be searched and its text extracted.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .content import decision_view, minutes_view, proposal_view
from .fonts import document_fonts
from .model import CouncilMinutes, DecisionDocument, ProposalLetter

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment of the HTML templates (autoescape: names are text, not markup)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def stylesheets(font_config: FontConfiguration, extra_css: str = "") -> list[CSS]:
    """The document fonts plus the house stylesheet (and ``extra_css``, e.g. a page layout)."""
    css = document_fonts().css() + "\n" + (TEMPLATES / "official.css").read_text("utf-8")
    return [CSS(string=css + extra_css, font_config=font_config)]


def html_to_pdf(html: str, *, extra_css: str = "") -> bytes:
    """Lay out ``html`` with the house stylesheet and return the PDF bytes."""
    font_config = FontConfiguration()
    document = HTML(string=html, base_url=str(TEMPLATES))
    pdf = document.write_pdf(
        stylesheets=stylesheets(font_config, extra_css), font_config=font_config
    )
    if pdf is None:  # only when a target is given
        raise RuntimeError("WeasyPrint returned no PDF")
    return pdf


def render_html(template: str, view: Any) -> str:
    """Fill ``template`` with the view ``v``."""
    return environment().get_template(template).render(v=view)


def render_decision_pdf(doc: DecisionDocument) -> bytes:
    """Return the decision with its attached list as PDF (Decree 30/2020 layout)."""
    return html_to_pdf(render_html("decision.html", decision_view(doc)))


def render_proposal_pdf(doc: ProposalLetter) -> bytes:
    """Return the tờ trình as PDF."""
    return html_to_pdf(render_html("proposal.html", proposal_view(doc)))


def render_minutes_pdf(doc: CouncilMinutes) -> bytes:
    """Return the council minutes with the tally as PDF."""
    return html_to_pdf(render_html("minutes.html", minutes_view(doc)))
