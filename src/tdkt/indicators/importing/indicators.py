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
from tdkt.indicators.constants import HOME_CURRENCY, Dataset
from tdkt.indicators.models import ExchangeRate, Indicator, IndicatorValue
from tdkt.organizations.models import Organization
from tdkt.organizations.selectors import organization_list

from .bulk import BulkImporter, Outcome, Progress, SheetReader
from .parsers import (
    Memo,
    is_currency,
    parse_currency,
    parse_indicator_code,
    parse_rate,
    parse_value,
    parse_year,
)
from .stream import Book

RATES_SHEET = "Tỷ giá"
LOOKUP_CHUNK = 900
WRITE_CHUNK = 1_000

RATE_COLUMNS = (
    Column("year", "Năm", True, parse_year, gettext_lazy("Năm áp dụng tỷ giá."), "2019"),
    Column(
        "currency",
        "Ngoại tệ",
        True,
        parse_currency,
        gettext_lazy("Mã ba chữ cái: USD, EUR, JPY ..."),
        "USD",
    ),
    Column(
        "rate",
        "Tỷ giá (VND)",
        True,
        parse_rate,
        gettext_lazy("Số đồng cho một đơn vị ngoại tệ."),
        "23.155",
    ),
)


@dataclass(frozen=True)
class ValueRow:
    """One valid figure row; ``unit`` is the unit typed on the row (None when empty)."""

    number: int
    code: str
    organization_id: int | None
    year: int
    plan: Decimal | None
    actual: Decimal | None
    unit: str | None
    currency: str = ""


@dataclass
class IndicatorBatch:
    """The valid content of a file: definitions, figures and exchange rates."""

    definitions: dict[str, tuple[str, str]]  # code → (name, unit) as they will be stored
    rows: list[ValueRow]
    rates: dict[tuple[int, str], Decimal]
    org_names: dict[int, str]


@dataclass
class IndicatorPlan:
    """What the write phase does."""

    new_indicators: list[tuple[str, str, str]] = field(default_factory=list)
    renamed: list[tuple[int, str]] = field(default_factory=list)
    creates: list[ValueRow] = field(default_factory=list)
    updates: list[tuple[int, ValueRow]] = field(default_factory=list)
    new_rates: list[tuple[int, str, Decimal]] = field(default_factory=list)
    changed_rates: list[tuple[int, Decimal]] = field(default_factory=list)


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

    def read(
        self, *, actor: Any, book: Book, result: ImportResult, progress: Progress | None
    ) -> IndicatorBatch:
        stored_rates = {
            (year, currency): rate
            for year, currency, rate in ExchangeRate.objects.values_list(
                "year", "currency", "rate_vnd"
            )
        }
        rates_title = None if book.is_csv else book.find(RATES_SHEET)
        file_rates = self._read_rates(book, rates_title, result) if rates_title else {}
        titles = [t for t in book.sheet_titles() if t != rates_title]
        rows: list[ValueRow] = []
        org_names: dict[int, str] = {}
        firsts: dict[str, int] = {}
        given: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        if titles:
            sheet = book.sheet(None if book.is_csv else titles[0])
            reader = SheetReader(sheet, self.columns, result, progress=progress)
            orgs = NameIndex(
                organization_list(actor=actor, include_inactive=True),
                lambda org: (org.name, org.short_name),
            )
            seen: dict[tuple[str, int | None, int], int] = {}
            for row in reader.rows():
                code, year = row.get("code"), row.get("year")
                org: Organization | None = orgs.find(
                    row,
                    "organization",
                    not_found=_("Không tìm thấy đơn vị này trong phạm vi của bạn."),
                    ambiguous=_("Có nhiều đơn vị cùng tên này; hãy ghi tên viết tắt."),
                )
                if code is None:
                    continue
                firsts.setdefault(code, row.number)
                for key in ("name", "unit"):
                    value = row.get(key)
                    if value is None:
                        continue
                    first = given[code].setdefault(key, (value, row.number))
                    # A unit may differ between rows (another currency, checked later).
                    if key == "name" and first[0] != value:
                        row.error(
                            key,
                            _("Khác với dòng %(row)s của cùng mã chỉ tiêu (“%(value)s”).")
                            % {"row": first[1], "value": first[0]},
                        )
                if year is None or (row.get("organization") and org is None):
                    continue
                org_id = org.pk if org else None
                earlier = seen.setdefault((code, org_id, year), row.number)
                if earlier != row.number:
                    message = _(
                        "Trùng mã chỉ tiêu, đơn vị và năm với dòng %(a)s (dòng %(a)s và %(b)s)."
                    ) % {"a": earlier, "b": row.number}
                    row.error("code", message)
                    result.add_error(
                        row=earlier,
                        column=self.column("code").header,
                        value=code,
                        message=message,
                    )
                if row.has_errors:
                    continue
                if org is not None:
                    org_names[org.pk] = org.name
                rows.append(
                    ValueRow(
                        row.number,
                        code,
                        org_id,
                        year,
                        row.get("plan"),
                        row.get("actual"),
                        row.get("unit"),
                    )
                )
        definitions = self._definitions(firsts, given, result)
        rows = self._check_units(rows, definitions, stored_rates | file_rates, result)
        return IndicatorBatch(definitions, rows, file_rates, org_names)

    def _read_rates(
        self, book: Book, title: str, result: ImportResult
    ) -> dict[tuple[int, str], Decimal]:
        reader = SheetReader(book.sheet(title), RATE_COLUMNS, result, label=RATES_SHEET)
        rates: dict[tuple[int, str], Decimal] = {}
        seen: dict[tuple[int, str], int] = {}
        for row in reader.rows():
            year, currency = row.get("year"), row.get("currency")
            if year is None or currency is None:
                continue
            earlier = seen.setdefault((year, currency), row.number)
            if earlier != row.number:
                message = _("Trùng năm và ngoại tệ (dòng %(a)s và %(b)s).") % {
                    "a": earlier,
                    "b": row.number,
                }
                row.error("currency", message)
                result.add_error(
                    row=earlier, column=f"{RATES_SHEET} › Ngoại tệ", value=currency, message=message
                )
            if not row.has_errors:
                rates[(year, currency)] = row.get("rate")
        return rates

    def _definitions(
        self,
        firsts: dict[str, int],
        given: dict[str, dict[str, tuple[str, int]]],
        result: ImportResult,
    ) -> dict[str, tuple[str, str]]:
        """Return (name, unit) per code of the file: stored, renamed, or new with both given."""
        stored = {
            code: (name, unit)
            for code, name, unit in Indicator.objects.filter(code__in=list(firsts)).values_list(
                "code", "name", "unit"
            )
        }
        definitions: dict[str, tuple[str, str]] = {}
        for code, first_row in firsts.items():
            name = given[code].get("name", (None, 0))[0]
            unit = given[code].get("unit", (None, 0))[0]
            if code in stored:
                definitions[code] = (name or stored[code][0], stored[code][1])
                continue
            for key, value in (("name", name), ("unit", unit)):
                if value is None:
                    result.add_error(
                        row=first_row,
                        column=self.column(key).header,
                        message=_("Chỉ tiêu mới “%(code)s”: cần ghi cột này (lần đầu nhập).")
                        % {"code": code},
                    )
            if name and unit:
                definitions[code] = (name, unit)
        return definitions

    def _check_units(
        self,
        rows: list[ValueRow],
        definitions: dict[str, tuple[str, str]],
        rates: dict[tuple[int, str], Decimal],
        result: ImportResult,
    ) -> list[ValueRow]:
        """Resolve each row's currency against its indicator's unit; report what cannot be."""
        header = self.column("unit").header
        checked: list[ValueRow] = []
        for row in rows:
            definition = definitions.get(row.code)
            if definition is None:
                continue
            unit = definition[1]
            if row.unit is None or row.unit == unit:
                checked.append(row)
                continue
            if not (is_currency(row.unit) and is_currency(unit)):
                result.add_error(
                    row=row.number,
                    column=header,
                    value=row.unit,
                    message=_(
                        "Khác đơn vị tính của chỉ tiêu (“%(unit)s”); chỉ được ghi một loại tiền "
                        "khác để quy đổi."
                    )
                    % {"unit": unit},
                )
                continue
            missing = [
                c for c in (row.unit, unit) if c != HOME_CURRENCY and (row.year, c) not in rates
            ]
            for currency in missing:
                result.add_error(
                    row=row.number,
                    column=header,
                    value=row.unit,
                    message=_(
                        "Chưa có tỷ giá %(currency)s năm %(year)s để quy đổi; thêm vào trang "
                        "Tỷ giá."
                    )
                    % {"currency": currency, "year": row.year},
                )
            if not missing:
                checked.append(_with_currency(row, row.unit))
        return checked

    # -- phase 2: match ------------------------------------------------------------------

    def match(self, batch: IndicatorBatch) -> tuple[IndicatorPlan, Outcome]:
        plan = IndicatorPlan()
        outcome = Outcome()
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
        values = _stored_values(batch, {code: pk for code, (pk, _name) in stored.items()})
        corrections = []
        for row in batch.rows:
            found = values.get((row.code, row.organization_id, row.year))
            if found is None:
                plan.creates.append(row)
                outcome.created += 1
                continue
            pk, before = found
            after = {"plan": row.plan, "actual": row.actual, "currency": row.currency}
            diff = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
            if not diff:
                outcome.unchanged += 1
                continue
            plan.updates.append((pk, row))
            outcome.updated += 1
            corrections.append(
                {
                    "indicator": row.code,
                    "organization": batch.org_names.get(row.organization_id or 0),
                    "year": row.year,
                    **diff,
                }
            )
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
        codes = {row.code for row in plan.creates}
        ids = (
            dict(Indicator.objects.filter(code__in=list(codes)).values_list("code", "id"))
            if codes
            else {}
        )
        IndicatorValue.objects.bulk_create(
            (
                IndicatorValue(
                    indicator_id=ids[row.code],
                    organization_id=row.organization_id,
                    year=row.year,
                    plan=row.plan,
                    actual=row.actual,
                    currency=row.currency,
                )
                for row in plan.creates
            ),
            batch_size=WRITE_CHUNK,
        )
        if plan.updates:
            IndicatorValue.objects.bulk_update(
                [
                    IndicatorValue(pk=pk, plan=row.plan, actual=row.actual, currency=row.currency)
                    for pk, row in plan.updates
                ],
                fields=["plan", "actual", "currency"],
                batch_size=WRITE_CHUNK // 2,
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


def _with_currency(row: ValueRow, currency: str) -> ValueRow:
    return ValueRow(
        row.number,
        row.code,
        row.organization_id,
        row.year,
        row.plan,
        row.actual,
        row.unit,
        currency,
    )


def _stored_values(
    batch: IndicatorBatch, ids: dict[str, int]
) -> dict[tuple[str, int | None, int], tuple[int, dict[str, Any]]]:
    """Return the stored values of the file's indicators and years, by natural key."""
    found: dict[tuple[str, int | None, int], tuple[int, dict[str, Any]]] = {}
    if not ids or not batch.rows:
        return found
    codes = {pk: code for code, pk in ids.items()}
    years = sorted({row.year for row in batch.rows})
    pks = sorted(codes)
    for start in range(0, len(pks), LOOKUP_CHUNK):
        query = IndicatorValue.objects.filter(
            indicator_id__in=pks[start : start + LOOKUP_CHUNK], year__in=years
        ).values_list("id", "indicator_id", "organization_id", "year", "plan", "actual", "currency")
        for pk, indicator_id, org_id, year, plan, actual, currency in query:
            found[(codes[indicator_id], org_id, year)] = (
                pk,
                {"plan": plan, "actual": actual, "currency": currency},
            )
    return found


def _stored_rates(batch: IndicatorBatch) -> dict[tuple[int, str], tuple[int, Decimal]]:
    years = sorted({year for year, _currency in batch.rates})
    return {
        (year, currency): (pk, rate)
        for pk, year, currency, rate in ExchangeRate.objects.filter(year__in=years).values_list(
            "id", "year", "currency", "rate_vnd"
        )
    }
