"""Generate the files and rows of the indicators benchmarks, seeded and cached in bench/data/.

* ``indicators-<rows>.xlsx``: the indicator import (first sheet) with a "Tỷ giá" sheet;
  figures as number cells and as Vietnamese-formatted text ("7.700.000,5"), half and half.
* ``procedures-<rows>.xlsx``: a one-stop export, one dossier per row, with Excel dates.
* dossiers for the report, written straight into the benchmark database (``BR-`` codes,
  received in 2021), so the report runs over exactly ``<rows>`` dossiers of one year.

Workbooks are written in openpyxl's write-only mode, then given the ``<dimension>`` element
Excel writes (openpyxl omits it there; without it openpyxl's reader parses the sheet twice).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import connection, models
from openpyxl import Workbook

DATA = Path(__file__).resolve().parent / "data"
FIELDS = ("Đầu tư", "Xây dựng", "Lao động", "Môi trường", "Quy hoạch", "Thương mại")
CHANNELS = ("Trực tuyến", "Trực tiếp", "Bưu chính")
PROCEDURES = [f"Thủ tục hành chính số {i}" for i in range(1, 121)]
ORG_PREFIX = "Đơn vị thử tải "
INDICATOR_YEARS = (2018, 2019)


def _vn(number: float) -> str:
    """Write a number the Vietnamese way: 1234567.5 → "1.234.567,5"."""
    whole, _, decimals = f"{number:.1f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped if decimals == "0" else f"{grouped},{decimals}"


def _with_dimensions(data: bytes) -> bytes:
    """Add ``<dimension ref="A1:…"/>`` to each sheet, as Excel writes it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = content.decode("utf-8")
                rows = re.findall(r'<row r="(\d+)"', text)
                cells = re.findall(r'<c r="([A-Z]+)\d+"', text[:20_000])
                last_col = max(cells, key=lambda c: (len(c), c)) if cells else "A"
                ref = f"A1:{last_col}{rows[-1] if rows else 1}"
                text = text.replace("</sheetPr>", f'</sheetPr><dimension ref="{ref}"/>', 1)
                content = text.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def _save(workbook: Workbook, path: Path) -> Path:
    buffer = io.BytesIO()
    workbook.save(buffer)
    DATA.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_with_dimensions(buffer.getvalue()))
    return path


def org_names(count: int) -> list[str]:
    """Names of the units the indicator file refers to."""
    return [f"{ORG_PREFIX}{i:04d}" for i in range(1, count + 1)]


def indicator_shape(rows: int, orgs: int) -> int:
    """Return how many indicator codes give ``rows`` rows over ``orgs`` units and two years."""
    return max(1, rows // (orgs * len(INDICATOR_YEARS)))


def indicator_file(rows: int, orgs: int) -> Path:
    """Return the cached indicator workbook of ``rows`` rows (generated on first use)."""
    path = DATA / f"indicators-{rows}.xlsx"
    if path.exists():
        return path
    rnd = random.Random(rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Chỉ tiêu")
    sheet.append(
        ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Đơn vị", "Năm", "Kế hoạch", "Thực hiện"]
    )
    codes = indicator_shape(rows, orgs)
    written = 0
    names = org_names(orgs)
    first = (INDICATOR_YEARS[0], names[0])
    for code in range(codes):
        unit = "USD" if code % 3 == 0 else "người"
        for year in INDICATOR_YEARS:
            for org in names:
                if written == rows:
                    break
                plan = rnd.randint(1_000, 9_000_000) * 100
                actual = plan * rnd.uniform(0.8, 1.2)
                as_text = written % 2 == 1
                sheet.append(
                    [
                        f"bench_{code:03d}",
                        f"Chỉ tiêu thử tải {code}" if (year, org) == first else None,
                        unit,
                        org,
                        year,
                        _vn(plan) if as_text else plan,
                        _vn(round(actual, 1)) if as_text else round(actual, 1),
                    ]
                )
                written += 1
    rates = workbook.create_sheet("Tỷ giá")
    rates.append(["Năm", "Ngoại tệ", "Tỷ giá (VND)"])
    rates.append([2018, "USD", "22.825"])
    rates.append([2019, "USD", "23.155"])
    return _save(workbook, path)


def procedure_file(rows: int) -> Path:
    """Return the cached dossier export of ``rows`` rows (generated on first use)."""
    path = DATA / f"procedures-{rows}.xlsx"
    if path.exists():
        return path
    rnd = random.Random(rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hồ sơ")
    sheet.append(
        [
            "Mã hồ sơ",
            "Tên thủ tục",
            "Lĩnh vực",
            "Hình thức nộp",
            "Mức độ",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Số ngày giải quyết",
            "Ngày trả kết quả",
        ]
    )
    start = date(2019, 1, 2)
    for i in range(rows):
        received = start + timedelta(days=rnd.randrange(330))
        returned = received + timedelta(days=rnd.randrange(25)) if rnd.random() < 0.95 else None
        due_given = rnd.random() < 0.3
        sheet.append(
            [
                f"BI-{i:07d}",
                rnd.choice(PROCEDURES),
                rnd.choice(FIELDS),
                rnd.choice(CHANNELS),
                rnd.choice((2, 3, 4)),
                received,
                received + timedelta(days=20) if due_given else None,
                None if due_given else rnd.choice((5, 7, 10, 15, 20)),
                returned,
            ]
        )
    return _save(workbook, path)


def report_rows(rows: int, field_ids: list[int]) -> Any:
    """Yield the dossiers of the report benchmark: (code, name, field, channel, level,
    received, due, days, returned), all received in 2021."""
    rnd = random.Random(rows + 1)
    start = date(2021, 1, 1)
    for i in range(rows):
        received = start + timedelta(days=rnd.randrange(365))
        due = received + timedelta(days=rnd.choice((7, 14, 21, 28)))
        r = rnd.random()
        returned = None if r < 0.05 else received + timedelta(days=rnd.randrange(35))
        channel = ("online", "counter", "post")[0 if rnd.random() < 0.73 else rnd.randrange(1, 3)]
        yield (
            f"BR-{i:08d}",
            rnd.choice(PROCEDURES),
            rnd.choice(field_ids),
            channel,
            3 if channel == "online" else None,
            received,
            due,
            None,
            returned,
        )


# Bulk insert of the report rows (COPY on PostgreSQL, executemany on SQLite).


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, date | Decimal):
        return str(value)
    return value


def bulk_insert(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` (values in the order of ``fields``, model field names) into ``model``."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = []
    for name in fields:
        column = getattr(meta.get_field(name), "column", None)
        if not isinstance(column, str):
            raise ValueError(f"{name!r} is not a concrete column of {meta.label}")
        columns.append(quote(column))
    table = quote(meta.db_table)
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        elif connection.vendor == "sqlite":
            # The driver's own cursor takes an iterator, so the rows are never all in a list.
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            cursor.cursor.executemany(sql, (tuple(map(_sqlite_value, row)) for row in rows))
        else:  # pragma: no cover - tdkt runs on SQLite and PostgreSQL only
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
            cursor.executemany(sql, [tuple(row) for row in rows])
