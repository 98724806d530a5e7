"""Working-day calendar for statutory deadlines of Vietnamese public bodies.

Deadlines in commendation procedures are counted in *working days* ("ngày làm việc"), so a
dossier received on a Friday before Tết is not due during the holiday. A working day is a
Monday–Friday that is not a public holiday, plus the Saturdays the government declares as
make-up working days ("ngày làm bù") when it swaps a bridge day off ("nghỉ hoán đổi").

Data comes in three layers, the later one winning:

1. the weekend rule (Saturday and Sunday off, the 40-hour week of state bodies since
   October 1999);
2. the ``holidays`` package: statutory holidays of the Labour Code (Tết Dương lịch, five Tết
   Nguyên đán days, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 plus its adjacent day since 2021), days
   off in lieu ("nghỉ bù") when a holiday falls on a weekend, and the swaps it knows of,
   *including* their make-up Saturdays (``weekend_workdays``);
3. :class:`CalendarOverride` rows: :data:`KNOWN_OVERRIDES` shipped here, then whatever the
   caller passes (the Django side loads the swaps announced each year from its database).

This module is plain Python on purpose (no Django), so the rule engine, importers and reports
share one definition of "working day". All dates are calendar dates in Asia/Ho_Chi_Minh;
convert aware datetimes with :func:`local_date` first. ``datetime`` objects are refused
because a UTC timestamp taken after 17:00 would silently land on the previous local day.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Literal

import holidays

__all__ = [
    "KNOWN_OVERRIDES",
    "MAX_YEAR",
    "MIN_YEAR",
    "VN_TZ",
    "CalendarOverride",
    "OverrideKind",
    "WorkingCalendar",
    "local_date",
    "override_kind",
]

OverrideKind = Literal["day_off", "working_day"]
_KINDS: frozenset[str] = frozenset({"day_off", "working_day"})

# Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for
# every date this calendar supports and needs no tz database on the host.
VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")

# Saturdays became days off for state bodies with the 40-hour week (Quyết định
# 188/1999/QĐ-TTg, from October 1999); before that the weekend rule here would be wrong, so
# earlier years are refused rather than answered badly. The upper bound is how far the
# ``holidays`` package computes the lunar calendar (it returns an empty set after that,
# which would silently drop Tết).
MIN_YEAR = 2000
MAX_YEAR: int = min(2100, holidays.country_holidays("VN").end_year)

_SATURDAY = 5


@dataclass(frozen=True, slots=True)
class CalendarOverride:
    """One government decision about a single day, e.g. a bridge day off or a make-up Saturday.

    Kept as plain data so the same rows can come from :data:`KNOWN_OVERRIDES`, the database or
    a test, and so a wrong row is fixed by data, not code.
    """

    day: date
    kind: OverrideKind
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.day, datetime) or not isinstance(self.day, date):
            raise TypeError(f"CalendarOverride.day must be a date, not {type(self.day).__name__}")
        if self.kind not in _KINDS:
            raise ValueError(
                f"CalendarOverride.kind must be 'day_off' or 'working_day', not {self.kind!r}"
            )


def override_kind(value: str) -> OverrideKind:
    """Return ``value`` as an override kind, refusing anything else (e.g. a database string)."""
    if value == "day_off":
        return "day_off"
    if value == "working_day":
        return "working_day"
    raise ValueError(f"CalendarOverride.kind must be 'day_off' or 'working_day', not {value!r}")


def _swap(day_off: date, working_day: date, source: str) -> tuple[CalendarOverride, ...]:
    """Both halves of one swap ("hoán đổi"), so the table cannot list one without the other."""
    note = f"Nghỉ {day_off:%d/%m/%Y}, làm bù {working_day:%d/%m/%Y} ({source})"
    return (
        CalendarOverride(day_off, "day_off", note),
        CalendarOverride(working_day, "working_day", note),
    )


# Swaps announced for civil servants ("cán bộ, công chức, viên chức") that we are confident
# of. The ``holidays`` package also carries these; repeating them here documents the source
# and keeps deadlines right should a package upgrade drop or change one. Deliberately left
# out: any year we could not confirm (2020–2023 had no swap as far as we know; 2026 and later
# are taken from the package only). Tết 2025 needed no swap: its nine days (25/1–2/2/2025,
# Thông báo 6150/TB-LĐTBXH) are the five Tết days, one day in lieu and weekends, all of which
# the package computes.
KNOWN_OVERRIDES: tuple[CalendarOverride, ...] = (
    *_swap(date(2018, 12, 31), date(2019, 1, 5), "Tết Dương lịch 2019, Công văn 6519/VPCP-KGVX"),
    *_swap(date(2019, 4, 29), date(2019, 5, 4), "30/4–1/5/2019, Công văn 6519/VPCP-KGVX"),
    *_swap(date(2024, 4, 29), date(2024, 5, 4), "30/4–1/5/2024, Công văn 2450/VPCP-KGVX"),
    *_swap(date(2025, 5, 2), date(2025, 4, 26), "30/4–1/5/2025, Thông báo 6150/TB-LĐTBXH"),
)


def local_date(moment: datetime) -> date:
    """Return the Asia/Ho_Chi_Minh calendar date of an aware ``moment``.

    Deadlines are counted in local days; doing the conversion here once avoids each caller
    taking ``.date()`` of a UTC timestamp, which is off by one for seven hours a day.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("local_date() needs an aware datetime")
    return moment.astimezone(VN_TZ).date()


@cache
def _package_year(year: int) -> tuple[frozenset[int], frozenset[int]]:
    """Holiday and make-up-working-day ordinals in ``year`` according to ``holidays``.

    Cached per year and shared by all calendars: building the package's table is the costly
    part. Neighbouring years are built too because a swap can cross New Year (the make-up day
    for 31/12/2018 was 5/1/2019 and belongs to the 2018 table).
    """
    years = [y for y in (year - 1, year, year + 1) if 1901 <= y <= MAX_YEAR]
    table = holidays.country_holidays("VN", years=years)
    days_off = frozenset(d.toordinal() for d in table if d.year == year)
    make_up = frozenset(d.toordinal() for d in table.weekend_workdays if d.year == year)
    return days_off, make_up


class WorkingCalendar:
    """Answers "is this a working day?" and counts working days for deadlines.

    ``overrides`` are applied after :data:`KNOWN_OVERRIDES` (unless ``include_known`` is
    false), and a later row for the same day wins, so rows loaded from the database can
    correct a shipped one. Per-year tables are built lazily and cached on the instance, and a
    deadline is then a binary search, which keeps bulk recomputation (100,000 dossiers) well
    under a second.
    """

    def __init__(
        self, overrides: Iterable[CalendarOverride] = (), *, include_known: bool = True
    ) -> None:
        kinds: dict[int, OverrideKind] = {}
        for row in (*(KNOWN_OVERRIDES if include_known else ()), *overrides):
            if not isinstance(row, CalendarOverride):
                raise TypeError(f"expected CalendarOverride, got {type(row).__name__}")
            kinds[row.day.toordinal()] = row.kind
        self._overrides = kinds
        # year -> sorted ordinals of its working days, and the same as a set for lookups.
        self._lists: dict[int, list[int]] = {}
        self._sets: dict[int, frozenset[int]] = {}

    # -- per-year tables -------------------------------------------------------------------

    def _year_list(self, year: int) -> list[int]:
        days = self._lists.get(year)
        if days is None:
            days = self._build_year(year)
        return days

    def _build_year(self, year: int) -> list[int]:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(
                f"the working-day calendar covers {MIN_YEAR}–{MAX_YEAR}; {year} is outside it"
            )
        days_off, make_up = _package_year(year)
        overrides = self._overrides
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        days: list[int] = []
        for ordinal in range(first, last + 1):
            kind = overrides.get(ordinal)
            if kind is not None:
                working = kind == "working_day"
            elif ordinal in days_off:
                working = False
            elif ordinal in make_up:
                working = True
            else:
                # date.weekday() is (ordinal + 6) % 7; Saturday = 5, Sunday = 6.
                working = (ordinal + 6) % 7 < _SATURDAY
            if working:
                days.append(ordinal)
        self._sets[year] = frozenset(days)
        self._lists[year] = days
        return days

    @staticmethod
    def _check(d: date, name: str = "d") -> None:
        if isinstance(d, datetime) or not isinstance(d, date):
            raise TypeError(
                f"{name} must be a datetime.date in Asia/Ho_Chi_Minh (use local_date()), "
                f"not {type(d).__name__}"
            )

    # -- public API ------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """True if public bodies work on ``d`` (weekday, not a holiday, or a make-up day)."""
        self._check(d)
        year = d.year
        if year not in self._sets:
            self._build_year(year)
        return d.toordinal() in self._sets[year]

    def add_working_days(self, start: date, n: int) -> date:
        """Return the ``n``-th working day after ``start``; ``n == 0`` returns ``start``.

        ``start`` itself never counts, whether or not it is a working day: a dossier received
        on day D with a 5-working-day limit is due on the 5th working day after D. The result
        for ``n >= 1`` is always a working day.
        """
        self._check(start, "start")
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError("n must be an int")
        if n < 0:
            raise ValueError("n must be >= 0; counting backwards is not supported")
        if n == 0:
            return start
        year = start.year
        days = self._year_list(year)
        index = bisect.bisect_right(days, start.toordinal()) + n - 1
        while index >= len(days):
            index -= len(days)
            year += 1
            days = self._year_list(year)
        return date.fromordinal(days[index])

    def working_days_between(self, a: date, b: date) -> int:
        """Count working days in the half-open interval ``(a, b]``; negative if ``b < a``.

        The interval matches :meth:`add_working_days`, so
        ``working_days_between(s, add_working_days(s, n)) == n``; this is how "days late" or
        "days left" on a dossier is measured.
        """
        self._check(a, "a")
        self._check(b, "b")
        if b < a:
            return -self.working_days_between(b, a)
        a_ord, b_ord = a.toordinal(), b.toordinal()
        if a.year == b.year:
            days = self._year_list(a.year)
            return bisect.bisect_right(days, b_ord) - bisect.bisect_right(days, a_ord)
        first = self._year_list(a.year)
        count = len(first) - bisect.bisect_right(first, a_ord)
        for year in range(a.year + 1, b.year):
            count += len(self._year_list(year))
        return count + bisect.bisect_right(self._year_list(b.year), b_ord)

    def next_working_day(self, d: date) -> date:
        """Return ``d`` if it is a working day, otherwise the first working day after it.

        This is the roll-forward rule of the Civil Code (Điều 148 BLDS 2015): a period whose
        last day is a day off ends on the next working day. For "strictly after ``d``" use
        ``add_working_days(d, 1)``.
        """
        if self.is_working_day(d):
            return d
        return self.add_working_days(d, 1)
