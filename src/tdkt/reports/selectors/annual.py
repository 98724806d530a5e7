"""The Board's annual report of a year: figures from the data, the officers' texts beside them.

The sections follow the source article (the Board's 2019 report): movements and their
results, registration, awards, key indicators, administrative procedures, investment
attraction, then the direction for the next year. Each section prints the sentences composed
from the figures, its tables, then what the officer wrote (``ReportNarrative``), so a report
regenerated after the data changed shows the new figures and keeps the words (decision 0703).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from tdkt.commendations.decision_texts import BOARD_NAME_UPPER, BOARD_PLACE, BOARD_SUPERIOR
from tdkt.documents.official.annual import AnnualReport, ReportSection, ReportTable
from tdkt.documents.official.model import DocumentReference, IssuingBody, SignatureBlock
from tdkt.reports.constants import SECTION_HEADINGS as HEADINGS
from tdkt.reports.constants import ReportSection as Section
from tdkt.reports.numbers import amount, percent, share, vn

from .figures import (
    Awards,
    MovementLine,
    Registrations,
    awards_of_year,
    movements_of_year,
    registrations_of_year,
)
from .indicators import (
    IndicatorLine,
    Procedures,
    indicator_lines,
    procedures_as_of,
    procedures_of_year,
)
from .narratives import narrative_texts
from .statistics import check_period, ensure_board_reader

REPORT_SYMBOL = "BC-BQL"
BOARD = "Ban Quản lý"


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n") if p.strip())


def _movements(lines: list[MovementLine], year: int) -> ReportSection:
    kinds: dict[str, int] = {}
    for line in lines:
        kinds[line.kind_label] = kinds.get(line.kind_label, 0) + 1
    detail = ", ".join(f"{n} {label.lower()}" for label, n in kinds.items())
    figures = (
        f"Năm {year}, {BOARD} triển khai {len(lines)} phong trào thi đua"
        + (f" ({detail})" if detail else "")
        + ".",
    )
    rows = tuple(
        (
            str(i),
            line.name + (f" (Kế hoạch số {line.plan})" if line.plan else ""),
            f"{line.starts_on:%d/%m/%Y} – {line.ends_on:%d/%m/%Y}",
            str(line.participants),
            "; ".join(line.leaders) or "—",
        )
        for i, line in enumerate(lines, start=1)
    )
    table = ReportTable(
        title="Các phong trào thi đua và kết quả",
        headings=("STT", "Phong trào thi đua", "Thời gian", "Số đơn vị tham gia", "Đơn vị dẫn đầu"),
        rows=rows,
        numeric=(False, False, False, True, False),
    )
    return ReportSection(
        heading=HEADINGS["movements"], figures=figures, tables=(table,) if rows else ()
    )


def _registrations(reg: Registrations | None, year: int) -> ReportSection:
    if reg is None:
        return ReportSection(
            heading=HEADINGS["registrations"],
            figures=(f"Năm {year} chưa tổ chức đăng ký thi đua trên hệ thống.",),
        )
    figures = (
        f"Năm {year} có {vn(reg.registered)}/{vn(reg.eligible)} tập thể, cá nhân đăng ký thi "
        f"đua, đạt {percent(reg.rate)} (chỉ tiêu {reg.target_percent} %).",
    )
    table = ReportTable(
        title="Tỷ lệ đăng ký thi đua theo đơn vị",
        headings=("STT", "Đơn vị", "Đã đăng ký", "Phải đăng ký", "Tỷ lệ"),
        rows=tuple(
            (str(i), r.unit, vn(r.registered), vn(r.eligible), percent(r.rate))
            for i, r in enumerate(reg.lines, start=1)
        ),
    )
    return ReportSection(heading=HEADINGS["registrations"], figures=figures, tables=(table,))


def _awards(awards: Awards, year: int) -> ReportSection:
    figures = (
        f"Khen thưởng cho thành tích năm {year}: {vn(awards.total)} lượt, gồm "
        f"{vn(awards.collectives)} lượt tập thể và {vn(awards.individuals)} lượt cá nhân.",
    )
    by_title = ReportTable(
        title="Khen thưởng theo danh hiệu, hình thức",
        headings=("STT", "Danh hiệu, hình thức", "Tập thể", "Cá nhân", "Tổng số"),
        rows=tuple(
            (str(i), t.label, vn(t.collectives), vn(t.individuals), vn(t.total))
            for i, t in enumerate(awards.by_title, start=1)
        ),
    )
    by_unit = ReportTable(
        title="Khen thưởng theo đơn vị",
        headings=("STT", "Đơn vị", "Số lượt"),
        rows=tuple((str(i), u.unit, vn(u.count)) for i, u in enumerate(awards.by_unit, start=1)),
    )
    tables = (by_title, by_unit) if awards.total else ()
    return ReportSection(heading=HEADINGS["awards"], figures=figures, tables=tables)


def indicator_sentence(line: IndicatorLine, year: int) -> str:
    """ "Doanh thu của doanh nghiệp KCN đạt 7,7 tỷ USD, đạt 100 % so với kế hoạch năm, tăng
    6,3 % so với năm 2018." — the article's way of giving a key indicator."""
    text = f"{line.name} đạt {amount(line.actual, line.unit)}"
    if line.percent_of_plan is not None:
        text += f", đạt {percent(line.percent_of_plan)} so với kế hoạch năm"
    if line.growth_percent is not None:
        verb = "tăng" if line.growth_percent >= 0 else "giảm"
        text += f", {verb} {percent(abs(line.growth_percent))} so với năm {year - 1}"
    return text + "."


def _indicator_table(title: str, lines: list[IndicatorLine]) -> ReportTable:
    return ReportTable(
        title=title,
        headings=(
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Kế hoạch",
            "Thực hiện",
            "% kế hoạch",
            "Tăng trưởng",
        ),
        rows=tuple(
            (
                str(i),
                line.name + (f" ({line.organization})" if line.organization else ""),
                "đồng" if line.unit == "VND" else line.unit,
                vn(line.plan),
                vn(line.actual),
                percent(line.percent_of_plan),
                percent(line.growth_percent),
            )
            for i, line in enumerate(lines, start=1)
        ),
        numeric=(False, False, False, True, True, True, True),
    )


def _indicator_section(
    heading: str, lines: list[IndicatorLine], year: int, title: str
) -> ReportSection:
    board = [line for line in lines if line.organization is None]
    figures = tuple(indicator_sentence(line, year) for line in board if line.actual is not None)
    if not lines:
        figures = ("Chưa có số liệu chỉ tiêu của năm.",)
    tables = (_indicator_table(title, board),) if board else ()
    return ReportSection(heading=heading, figures=figures, tables=tables)


def _procedures(proc: Procedures | None) -> ReportSection:
    if proc is None or not proc.received:
        return ReportSection(
            heading=HEADINGS["procedures"],
            figures=("Chưa có số liệu hồ sơ thủ tục hành chính của kỳ báo cáo.",),
        )
    online = percent(share(proc.online, proc.received))
    resolved = percent(share(proc.resolved, proc.received))
    figures = (
        f"Tính đến ngày {proc.as_of:%d/%m/%Y}, tổng số hồ sơ tiếp nhận là {vn(proc.received)} "
        f"hồ sơ; trong đó tiếp nhận trực tuyến {vn(proc.online)} hồ sơ, chiếm {online}; "
        f"đã giải quyết và trả kết quả {vn(proc.resolved)} hồ sơ ({resolved}); đang giải "
        f"quyết {vn(proc.pending)} hồ sơ, trong đó quá hạn {vn(proc.overdue)} hồ sơ. Tỷ lệ "
        f"giải quyết thủ tục hành chính đúng hạn đạt {percent(proc.on_time_rate)}.",
    )
    table = ReportTable(
        title="Hồ sơ thủ tục hành chính theo lĩnh vực",
        headings=("STT", "Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn"),
        rows=tuple(
            (
                str(i),
                f.name,
                vn(f.received),
                vn(f.resolved),
                vn(f.on_time),
                percent(f.on_time_rate),
            )
            for i, f in enumerate(proc.fields, start=1)
        ),
    )
    return ReportSection(heading=HEADINGS["procedures"], figures=figures, tables=(table,))


def _summary(movements: int, reg: Registrations | None, awards: Awards, year: int) -> str:
    text = f"Năm {year}, {BOARD} đã phát động và triển khai {movements} phong trào thi đua"
    if reg is not None:
        text += f"; {percent(reg.rate)} tập thể, cá nhân đăng ký thi đua"
    return text + f"; {vn(awards.total)} lượt tập thể, cá nhân được khen thưởng."


def annual_report(*, actor: Any, year: int, as_of: date | None = None) -> AnnualReport:
    """Compose ``year``'s report for a board-wide reader, with the stored texts."""
    ensure_board_reader(actor)
    check_period(year, year)
    as_of = as_of or procedures_as_of(year=year, today=timezone.localdate())
    texts = {k: _paragraphs(n.text) for k, n in narrative_texts(actor=actor, year=year).items()}
    movements = movements_of_year(actor=actor, year=year)
    reg = registrations_of_year(actor=actor, year=year)
    awards = awards_of_year(actor=actor, year=year)
    indicators = indicator_lines(actor=actor, year=year)
    key = [line for line in indicators if not line.is_investment]
    investment = [line for line in indicators if line.is_investment]
    sections = [
        ReportSection(
            heading=HEADINGS["overview"], figures=(_summary(len(movements), reg, awards, year),)
        ),
        _movements(movements, year),
        _registrations(reg, year),
        _awards(awards, year),
        _indicator_section(HEADINGS["indicators"], key, year, "Kết quả thực hiện các chỉ tiêu"),
        _procedures(procedures_of_year(actor=actor, year=year, as_of=as_of)),
        _indicator_section(
            HEADINGS["investment"], investment, year, "Thu hút đầu tư vào các KCN, KCX"
        ),
        ReportSection(heading=HEADINGS["direction"]),
    ]
    order = list(Section)
    sections = [
        ReportSection(
            heading=s.heading,
            figures=s.figures,
            tables=s.tables,
            text=texts.get(order[i].value, ()),
        )
        for i, s in enumerate(sections)
    ]
    return AnnualReport(
        issuer=IssuingBody(superior=BOARD_SUPERIOR, name=BOARD_NAME_UPPER, place=BOARD_PLACE),
        reference=DocumentReference(symbol=REPORT_SYMBOL, issued_on=as_of),
        subject=f"Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ "
        f"năm {year + 1}",
        sections=tuple(sections),
        signature=SignatureBlock.deputy(name=""),
        copies_to=(
            "UBND Thành phố (để báo cáo)",
            "Ban Thi đua – Khen thưởng Thành phố",
            "Các phòng, đơn vị thuộc Ban",
            "Lưu: VT, VP",
        ),
    )
