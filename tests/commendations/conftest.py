"""Fixtures of the workflow tests: rounds and history written through the real services."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.commendations.constants import RoundKind
from tdkt.commendations.models import Round
from tdkt.commendations.services import (
    AwardEntry,
    InitiativeEntry,
    RatingEntry,
    awards_record,
    initiatives_record,
    ratings_record,
    round_create,
)


@pytest.fixture
def round_2019(registry) -> Round:
    """A year-end round of 2019 (rule set R2013 by its deadline), open for proposals."""
    return open_round_2019(registry)


def open_round_2019(registry) -> Round:
    """Open the year-end round of 2019 as the registry's officer."""
    return round_create(
        actor=registry.officer,
        name="Khen thưởng tổng kết năm 2019",
        kind=RoundKind.YEAR_END,
        year=2019,
        accepted_codes=[
            "advanced_worker",
            "grassroots_emulation_fighter",
            "certificate_of_merit",
            "advanced_collective",
            "provincial_certificate_of_commendation",
        ],
        unit_deadline=date(2019, 12, 10),
    )


def give_history(registry, person, *, years=(2017, 2018, 2019), rating="excellent", lđtt=True):
    """Record ratings (and LĐTT awards for the years before the last) for ``person``."""
    ratings_record(
        actor=registry.officer,
        entries=[RatingEntry(person=person, year=y, rating=rating) for y in years],
    )
    if lđtt:
        awards_record(
            actor=registry.officer,
            entries=[
                AwardEntry(
                    person=person,
                    code="advanced_worker",
                    year=y,
                    decision_number=f"{y - 2000}/QĐ-BQL",
                    decision_date=date(y + 1, 1, 10),
                )
                for y in years[:-1]
            ],
        )


def give_initiative(registry, person, year=2019, scope="grassroots"):
    """Record one recognised initiative."""
    initiatives_record(
        actor=registry.officer,
        entries=[InitiativeEntry(person=person, title=f"Sáng kiến {year}", year=year, scope=scope)],
    )


@pytest.fixture
def proposal(registry, round_2019):
    """The investment department's draft of 2019 with Ánh for Lao động tiên tiến."""
    from tdkt.commendations.services import LineInput, proposal_lines_add

    draft, _added = proposal_lines_add(
        actor=registry.investment_head,
        round=round_2019,
        organization=registry.investment,
        lines=[LineInput(person=registry.anh, code="advanced_worker", achievement="Tốt")],
    )
    return draft


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(part: str, *, macros: bool = False) -> bytes:
    """A minimal Office Open XML zip holding ``part`` (word/document.xml or xl/workbook.xml)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00")
    return buffer.getvalue()
