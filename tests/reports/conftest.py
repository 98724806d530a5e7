"""A small Board with awards, movements and a registration that can be counted by hand.

Awards of 2019 (all imported from paper decisions, so "thường xuyên" by method):

| Award | Recipient | Kind |
|---|---|---|
| Bằng khen UBND TP | Phòng Quản lý Đầu tư | collective |
| Bằng khen UBND TP | Công ty TNHH Điện tử Sao Mai | collective, enterprise |
| Bằng khen UBND TP | Nguyễn Văn Ánh, "Chuyên viên" | individual, worker |
| Bằng khen UBND TP | Trần Minh Đức, "Phó Trưởng phòng" | individual, other leader |
| CSTĐ cấp tỉnh | Trần Minh Đức | individual, other leader |
| Cờ thi đua cấp tỉnh | Phòng Quy hoạch và Xây dựng | collective |
| Bằng khen Thủ tướng | Phòng Quản lý Đầu tư | collective |
| Bằng khen Thủ tướng | Nguyễn Văn Ánh | individual, worker |
| Huân chương Lao động hạng Ba | Lê Thị Hoa, "Giám đốc Công ty …" | individual, entrepreneur |
| Giấy khen | Nguyễn Văn Ánh | (the Board's own: in no form) |

plus a Bằng khen of 2018 (outside the year). Movements: a thematic one of 23/01–31/12/2019,
a regular one of the whole of 2019, a five-year one (2016–2020), a draft (not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tdkt.commendations.services.archive import AwardEntry, awards_record
from tdkt.movements.constants import MovementKind
from tdkt.movements.registration_workflow import sheet_transition
from tdkt.movements.services import (
    campaign_open,
    movement_create,
    movement_participants_set,
    sheet_start,
)
from tdkt.movements.workflow import movement_transition
from tdkt.rules import codes
from tests.builders import Registry


@dataclass
class World:
    r: Registry


def _award(r: Registry, code: str, *, person=None, organization=None, year=2019, label=""):
    return AwardEntry(
        person=person,
        organization=organization,
        code=code,
        year=year,
        decision_number=f"{100 + year % 100}/QĐ-UBND" if "prime" not in code else "85/QĐ-TTg",
        decision_date=date(year + 1, 1, 15),
        unit_label=label,
    )


def build_awards(r: Registry) -> None:
    bk, cstd, flag = (
        codes.PROVINCIAL_COMMENDATION,
        codes.PROVINCIAL_FIGHTER,
        codes.PROVINCIAL_FLAG,
    )
    entries = [
        _award(r, bk, organization=r.investment),
        _award(r, bk, organization=r.enterprise),
        _award(r, bk, person=r.anh, label="Chuyên viên Phòng Quản lý Đầu tư"),
        _award(r, bk, person=r.duc, label="Phó Trưởng phòng Quy hoạch và Xây dựng"),
        _award(r, cstd, person=r.duc, label="Phó Trưởng phòng Quy hoạch và Xây dựng"),
        _award(r, flag, organization=r.planning),
        _award(r, codes.PM_COMMENDATION, organization=r.investment),
        _award(r, codes.PM_COMMENDATION, person=r.anh, label="Chuyên viên"),
        _award(
            r,
            codes.LABOUR_ORDER_3,
            person=r.worker,
            label="Giám đốc Công ty TNHH Điện tử Sao Mai",
        ),
        _award(r, codes.CERTIFICATE_OF_MERIT, person=r.anh, label="Chuyên viên"),
        _award(r, bk, person=r.anh, year=2018, label="Chuyên viên"),
    ]
    awards_record(actor=r.officer, entries=entries)


def build_movements(r: Registry) -> None:
    specs = [
        ("ATTP-2019", MovementKind.THEMATIC, date(2019, 1, 23), date(2019, 12, 31), True),
        ("KC-2019", MovementKind.REGULAR, date(2019, 1, 1), date(2019, 12, 31), True),
        ("NTM-2016", MovementKind.FIVE_YEAR, date(2016, 1, 1), date(2020, 12, 31), True),
        ("NHAP-2019", MovementKind.THEMATIC, date(2019, 3, 1), date(2019, 6, 30), False),
    ]
    for code, kind, start, end, launch in specs:
        movement = movement_create(
            actor=r.officer,
            code=code,
            name=f"Phong trào {code}",
            kind=kind,
            starts_on=start,
            ends_on=end,
            plan_number="163/KH-BQL",
            plan_date=start,
        )
        movement_participants_set(
            actor=r.officer, movement=movement, organizations=[r.investment, r.planning]
        )
        if launch:
            movement_transition(actor=r.officer, movement=movement, to_state="launched")


def build_registration(r: Registry) -> None:
    """2019: both departments asked; the investment department's sheet (itself and Ánh) sent,
    the planning department's not started: 2/2 and 0/2."""
    campaign = campaign_open(
        actor=r.officer,
        year=2019,
        deadline=date(2019, 2, 14),
        organizations=[r.investment, r.planning],
    )
    sheet = sheet_start(
        actor=r.officer, campaign=campaign, organization=r.investment, today=date(2019, 2, 1)
    )
    sheet_transition(actor=r.officer, sheet=sheet, to_state="submitted")


@pytest.fixture
def w(registry: Registry) -> World:
    build_awards(registry)
    build_movements(registry)
    build_registration(registry)
    return World(r=registry)
