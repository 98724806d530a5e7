"""Importer of indicator values and yearly exchange rates (``tdkt import indicators``).

The first sheet holds one row per indicator, organisation and year; an optional sheet
``Tỷ giá`` holds the exchange rates. Importing the same code, organisation and year again
replaces that row's plan and actual (a correction: an empty cell means "no figure"), and the
import's audit event keeps every replaced value before and after.

``Đơn vị tính`` defines the unit of a new indicator. On later rows it may name another
currency than the indicator's (domestic capital in VND for an indicator kept in USD): the
figures are then stored in that currency and reports convert them with the year's rate,
which must be known (stored, or on the ``Tỷ giá`` sheet of the same file).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.documents.importing import Column, ImportResult
from tdkt.documents.importing.columns import text
from tdkt.documents.importing.lookup import NameIndex
from tdkt.indicators.constants import VALUE_DECIMALS, Dataset
from tdkt.indicators.models import ExchangeRate, Indicator, IndicatorValue
from tdkt.organizations.models import Organization
from tdkt.organizations.selectors import organization_list

from .bulk import BulkImporter, Outcome, Progress, SheetReader
from .indicator_checks import RATES_SHEET, check_units, read_rates, report_duplicates
from .indicator_checks import definitions as check_definitions
from .parsers import (
    Memo,
    parse_indicator_code,
    parse_value,
    parse_year,
)
from .stage import Stage, distinct, quote
from .stream import Book

STAGE_COLUMNS = (
    ("row_number", "int"),
    ("code", "text"),
    ("valid", "int"),
    ("org_id", "int"),
    ("year", "int"),
    ("plan", "decimal"),
    ("actual", "decimal"),
    ("unit", "text"),
    ("currency", "text"),
    ("target", "int"),  # the stored figure this row replaces, set by matching
)
_QUANTUM = Decimal(1).scaleb(-VALUE_DECIMALS)


@dataclass
class IndicatorBatch:
    """The staged figures of a file, with its definitions and exchange rates."""

    stage: Stage
    definitions: dict[str, tuple[str, str]]  # code → (name, unit) as they will be stored
    rates: dict[tuple[int, str], Decimal]


@dataclass
class IndicatorPlan:
    """What the write phase does besides copying the staged figures."""

    batch: IndicatorBatch
    new_indicators: list[tuple[str, str, str]] = field(default_factory=list)
    renamed: list[tuple[int, str]] = field(default_factory=list)
    new_rates: list[tuple[int, str, Decimal]] = field(default_factory=list)
    changed_rates: list[tuple[int, Decimal]] = field(default_factory=list)


def _tables() -> tuple[str, str, str]:
    return (
        quote(Indicator._meta.db_table),
        quote(IndicatorValue._meta.db_table),
        quote(Organization._meta.db_table),
    )


def _decimal(value: Any) -> Decimal | None:
    """A stored figure as Decimal with 6 places (SQLite returns int or float)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(_QUANTUM)


class IndicatorImporter(BulkImporter):
    """Plan and actual values of the Board's key indicators, with yearly exchange rates."""

    name = "indicators"
    dataset = Dataset.INDICATORS
    title = gettext_lazy("Chỉ tiêu")
    description = gettext_lazy(
        "Kế hoạch và thực hiện của các chỉ tiêu theo năm, của cả Ban hoặc từng đơn vị. Nhập "
        "lại cùng mã chỉ tiêu, đơn vị và năm thì thay số liệu cũ. Trang thứ hai “Tỷ giá” "
        "(Năm, Ngoại tệ, Tỷ giá (VND)) là tuỳ chọn."
    )
    permission_message = gettext_lazy(
        "Chỉ cán bộ thi đua – khen thưởng hoặc quản trị hệ thống được nhập chỉ tiêu."
    )
    template_sheet_title = "Chỉ tiêu"
    columns = (
        Column(
            "code",
            "Mã chỉ tiêu",
            True,
            Memo(parse_indicator_code),
            gettext_lazy("Mã cố định, chữ thường không dấu: doanh_thu, xuat_khau, lao_dong ..."),
            "doanh_thu",
        ),
        Column(
            "name",
            "Tên chỉ tiêu",
            False,
            Memo(text(200)),
            gettext_lazy("Bắt buộc lần đầu nhập mã chỉ tiêu."),
            "Doanh thu",
        ),
        Column(
            "unit",
            "Đơn vị tính",
            False,
            Memo(text(30)),
            gettext_lazy("Bắt buộc lần đầu: USD, VND, người, dự án, hồ sơ, % ..."),
            "USD",
        ),
        Column(
            "organization",
            "Đơn vị",
            False,
            Memo(text(300)),
            gettext_lazy("Tên đơn vị; để trống là số liệu của cả Ban."),
            "",
        ),
        Column("year", "Năm", True, Memo(parse_year), gettext_lazy("Năm của số liệu."), "2019"),
        Column(
            "plan",
            "Kế hoạch",
            False,
            parse_value,
            gettext_lazy("Số: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân."),
            "7.700.000.000",
        ),
        Column(
            "actual",
            "Thực hiện",
            False,
            parse_value,
            gettext_lazy("Số: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân."),
            "7.702.000.000",
        ),
    )

    # -- phase 1: read and validate --------------------------------------------------------

    def stage_columns(self) -> tuple[tuple[str, str], ...]:
        return STAGE_COLUMNS

    def read(
        self,
        *,
        actor: Any,
        book: Book,
        stage: Stage,
        result: ImportResult,
        progress: Progress | None,
    ) -> IndicatorBatch:
        stored_rates = {
            (year, currency): rate
            for year, currency, rate in ExchangeRate.objects.values_list(
                "year", "currency", "rate_vnd"
            )
        }
        rates_title = None if book.is_csv else book.find(RATES_SHEET)
        file_rates = read_rates(book, rates_title, result) if rates_title else {}
        titles = [t for t in book.sheet_titles() if t != rates_title]
        firsts: dict[str, int] = {}
        given: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        if titles:
            sheet = book.sheet(None if book.is_csv else titles[0])
            reader = SheetReader(sheet, self.columns, result, progress=progress)
            self._stage_rows(actor, reader, stage, firsts, given)
        stage.analyze()
        report_duplicates(stage, result, self.column("code").header)
        definitions = check_definitions(
            firsts, given, result, {k: self.column(k).header for k in ("name", "unit")}
        )
        check_units(
            stage, definitions, stored_rates | file_rates, result, self.column("unit").header
        )
        return IndicatorBatch(stage, definitions, file_rates)

    def _stage_rows(
        self,
        actor: Any,
        reader: SheetReader,
        stage: Stage,
        firsts: dict[str, int],
        given: dict[str, dict[str, tuple[str, int]]],
    ) -> None:
        """Check each figure row and stage it; remember the first name and unit per code."""
        orgs = NameIndex(
            organization_list(actor=actor, include_inactive=True),
            lambda org: (org.name, org.short_name),
        )
        found: dict[str, list[Organization]] = {}
        not_found = _("Không tìm thấy đơn vị này trong phạm vi của bạn.")
        ambiguous = _("Có nhiều đơn vị cùng tên này; hãy ghi tên viết tắt.")
        different = _("Khác với dòng %(row)s của cùng mã chỉ tiêu (“%(value)s”).")
        for row in reader.rows():
            code, year, org_name = row.get("code"), row.get("year"), row.get("organization")
            org: Organization | None = None
            if org_name is not None:
                matches = found.get(org_name)
                if matches is None:
                    matches = found[org_name] = orgs.get(org_name)
                if len(matches) == 1:
                    org = matches[0]
                else:
                    row.error("organization", ambiguous if matches else not_found)
            if code is None:
                continue
            firsts.setdefault(code, row.number)
            name = row.get("name")
            if name is not None:
                first = given[code].setdefault("name", (name, row.number))
                if first[0] != name:
                    row.error("name", different % {"row": first[1], "value": first[0]})
            unit = row.get("unit")
            if unit is not None:
                given[code].setdefault("unit", (unit, row.number))
            if year is None or (org_name is not None and org is None):
                continue
            stage.add(
                (
                    row.number,
                    code,
                    0 if row.has_errors else 1,
                    org.pk if org else None,
                    year,
                    row.get("plan"),
                    row.get("actual"),
                    unit,
                    "",
                    None,
                )
            )

    # -- phase 2: match ------------------------------------------------------------------

    def match(self, batch: IndicatorBatch) -> tuple[IndicatorPlan, Outcome]:
        plan = IndicatorPlan(batch)
        stored = {
            code: (pk, name)
            for pk, code, name in Indicator.objects.filter(
                code__in=list(batch.definitions)
            ).values_list("id", "code", "name")
        }
        renamed: dict[str, list[str]] = {}
        for code, (name, unit) in batch.definitions.items():
            if code not in stored:
                plan.new_indicators.append((code, name, unit))
            elif stored[code][1] != name:
                plan.renamed.append((stored[code][0], name))
                renamed[code] = [stored[code][1], name]
        stage = batch.stage
        indicators, values, organizations = _tables()
        # Each staged row learns the id of the figure it replaces, once; the write then joins
        # by primary key and never checks "not exists" against the table it is filling.
        stage.execute("UPDATE {stage} SET target = NULL")
        stage.execute(
            f"UPDATE {{stage}} AS s SET target = v.id FROM {indicators} i "  # noqa: S608
            f"JOIN {values} v ON v.indicator_id = i.id "
            "WHERE i.code = s.code AND v.year = s.year AND s.valid = 1 "
            "AND COALESCE(v.organization_id, 0) = COALESCE(s.org_id, 0)"
        )
        valid = stage.scalar("SELECT COUNT(*) FROM {stage} WHERE valid = 1")
        created = stage.scalar("SELECT COUNT(*) FROM {stage} WHERE valid = 1 AND target IS NULL")
        differs = " OR ".join(distinct(f"v.{c}", f"s.{c}") for c in ("plan", "actual", "currency"))
        changed = stage.query(
            f"SELECT s.code, o.name, s.year, v.plan, s.plan, v.actual, s.actual, "  # noqa: S608
            f"v.currency, s.currency FROM {{stage}} s JOIN {values} v ON v.id = s.target "
            f"LEFT JOIN {organizations} o ON o.id = s.org_id "
            f"WHERE s.valid = 1 AND ({differs}) ORDER BY s.row_number"
        )
        corrections = []
        for code, org, year, *pairs in changed:
            plan_b, plan_a, actual_b, actual_a = (_decimal(v) for v in pairs[:4])
            before = {"plan": plan_b, "actual": actual_b, "currency": pairs[4]}
            after = {"plan": plan_a, "actual": actual_a, "currency": pairs[5]}
            diff = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
            if diff:
                corrections.append({"indicator": code, "organization": org, "year": year, **diff})
        outcome = Outcome(created=created, updated=len(corrections))
        outcome.unchanged = valid - created - len(corrections)
        rates = _stored_rates(batch)
        rate_changes = {}
        for (year, currency), rate in sorted(batch.rates.items()):
            found_rate = rates.get((year, currency))
            if found_rate is None:
                plan.new_rates.append((year, currency, rate))
                outcome.created += 1
            elif found_rate[1] != rate:
                plan.changed_rates.append((found_rate[0], rate))
                rate_changes[f"{currency} {year}"] = [found_rate[1], rate]
                outcome.updated += 1
            else:
                outcome.unchanged += 1
        audit: dict[str, Any] = {}
        if plan.new_indicators:
            audit["indicators_created"] = [None, [code for code, _n, _u in plan.new_indicators]]
        if renamed:
            audit["indicators_renamed"] = [None, renamed]
        if corrections:
            audit["values_corrected"] = [None, corrections]
        if rate_changes:
            audit["exchange_rates_corrected"] = [None, rate_changes]
        outcome.corrections = audit
        return plan, outcome

    # -- phase 3: write ------------------------------------------------------------------

    def write(self, *, actor: Any, plan: IndicatorPlan) -> None:
        if plan.new_indicators:
            Indicator.objects.bulk_create(
                [Indicator(code=c, name=n, unit=u) for c, n, u in plan.new_indicators]
            )
        if plan.renamed:
            Indicator.objects.bulk_update(
                [Indicator(pk=pk, name=name) for pk, name in plan.renamed], fields=["name"]
            )
        stage = plan.batch.stage
        indicators, values, _organizations = _tables()
        stage.execute(
            f"INSERT INTO {values} (indicator_id, organization_id, year, plan, actual, currency) "  # noqa: S608
            f"SELECT i.id, s.org_id, s.year, s.plan, s.actual, s.currency FROM {{stage}} s "
            f"JOIN {indicators} i ON i.code = s.code WHERE s.valid = 1 AND s.target IS NULL"
        )
        differs = " OR ".join(distinct(f"v.{c}", f"s.{c}") for c in ("plan", "actual", "currency"))
        stage.execute(
            f"UPDATE {values} AS v SET plan = s.plan, actual = s.actual, currency = s.currency "  # noqa: S608
            f"FROM {{stage}} s WHERE v.id = s.target AND s.valid = 1 AND ({differs})"
        )
        if plan.new_rates:
            ExchangeRate.objects.bulk_create(
                [ExchangeRate(year=y, currency=c, rate_vnd=r) for y, c, r in plan.new_rates]
            )
        if plan.changed_rates:
            ExchangeRate.objects.bulk_update(
                [ExchangeRate(pk=pk, rate_vnd=rate) for pk, rate in plan.changed_rates],
                fields=["rate_vnd"],
            )


def _stored_rates(batch: IndicatorBatch) -> dict[tuple[int, str], tuple[int, Decimal]]:
    years = sorted({year for year, _currency in batch.rates})
    return {
        (year, currency): (pk, rate)
        for pk, year, currency, rate in ExchangeRate.objects.filter(year__in=years).values_list(
            "id", "year", "currency", "rate_vnd"
        )
    }
