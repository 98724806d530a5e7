"""What the archive importers share: finding the person or unit a row names, cell parsers,
and the bulk write of a whole file through one batch service.

A person is found by CCCD, or — without one — by full name, date of birth and a unit where
they work or once worked (docs/decisions/0502). Several people answering the same name, date
and unit is an error asking for the CCCD; nothing is guessed. The candidates are read by birth
date and folded name through the index ``person_birth_name`` (decision 0058).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.commendations.constants import RecipientKind
from tdkt.commendations.services.archive import (
    FIRST_YEAR,
    RecordResult,
    decision_number_error,
    normalize_decision_number,
)
from tdkt.core.errors import ApplicationError
from tdkt.core.text import fold
from tdkt.documents.importing import CellError, Column, Importer, ImportResult, Row
from tdkt.documents.importing.columns import choice, parse_date, parse_decimal, text
from tdkt.documents.importing.lookup import NameIndex
from tdkt.organizations.imports.common import in_batches, org_index, parse_citizen_id
from tdkt.organizations.models import Employment, Organization, Person
from tdkt.organizations.selectors import organization_list, person_list

# --- parsers ------------------------------------------------------------------------------------


def parse_year(value: Any) -> int:
    """A year from FIRST_YEAR to this year."""
    try:
        number = parse_decimal(value)
    except CellError as exc:
        raise CellError(_("Năm phải là số, ví dụ 2019.")) from exc
    last = timezone.localdate().year
    if number != number.to_integral_value() or not FIRST_YEAR <= number <= last:
        raise CellError(
            _("Năm phải trong khoảng %(first)s–%(last)s.") % {"first": FIRST_YEAR, "last": last}
        )
    return int(number)


def parse_amount(value: Any) -> int:
    """A whole, non-negative number of đồng."""
    number = parse_decimal(value)
    if number < 0 or number != number.to_integral_value():
        raise CellError(_("Số tiền phải là số đồng nguyên, không âm."))
    return int(number)


def parse_decision_number(value: Any) -> str:
    """A document number "125/QĐ-BQL"."""
    number = normalize_decision_number(text(50)(value))
    if message := decision_number_error(number):
        raise CellError(message)
    return number


# --- shared columns -----------------------------------------------------------------------------

RECIPIENT_KIND = Column(
    "kind",
    "Đối tượng",
    True,
    choice(RecipientKind.choices),
    gettext_lazy("Cá nhân hoặc Tập thể."),
    "Cá nhân",
    options=RecipientKind.choices,
)
FULL_NAME = Column(
    "full_name",
    "Họ và tên",
    True,
    text(300),
    gettext_lazy("Họ và tên của cá nhân (hoặc tên tập thể khi đối tượng là tập thể)."),
    "Nguyễn Văn Ánh",
    aliases=("Họ và tên / Tên tập thể", "Tên tập thể"),
)
CITIZEN_ID = Column(
    "citizen_id",
    "Số CCCD",
    False,
    parse_citizen_id,
    gettext_lazy("12 chữ số. Không có CCCD thì phải ghi ngày sinh và đơn vị."),
    "001085012345",
    aliases=("CCCD", "Số căn cước"),
    as_text=True,
)
BIRTH_DATE = Column(
    "date_of_birth",
    "Ngày sinh",
    False,
    parse_date,
    gettext_lazy("dd/mm/yyyy; cần khi không có số CCCD."),
    "17/05/1985",
)
UNIT = Column(
    "unit",
    "Đơn vị",
    False,
    text(300),
    gettext_lazy(
        "Tên hoặc tên viết tắt của đơn vị nơi người đó đang hoặc đã công tác; cần khi không có "
        "số CCCD."
    ),
    "Phòng Quản lý Đầu tư",
)
PERSON_COLUMNS = (FULL_NAME, CITIZEN_ID, BIRTH_DATE, UNIT)


# --- finding people and units ---------------------------------------------------------------

# (birth date, name) pairs per query: 400 parameters, and an OR chain far below SQLite's limit
# on the depth of an expression (1,000).
BATCH = 200


def born_and_named(people: QuerySet[Person], pairs: Sequence[tuple[date, str]]) -> QuerySet[Person]:
    """Return the people born on the date of one of ``pairs`` with its folded name.

    One equality pair per candidate, ORed: both databases answer each pair by a search of the
    index ``person_birth_name`` (SQLite's "multi-index OR", PostgreSQL's bitmap OR), a handful of
    entries per pair. ``date_of_birth IN (…) AND search_key IN (…)`` would make them probe every
    date with every name (40,000 probes for 200 pairs): no faster than the scan (decision 0058).
    """
    if not pairs:
        return people.none()
    match = Q()
    for born, key in pairs:
        match |= Q(date_of_birth=born, search_key=key)
    return people.filter(match).order_by()


class RecipientFinder:
    """Resolves the person or collective of each row, with a handful of queries per file."""

    def __init__(self, actor: Any, rows: Sequence[Row]) -> None:
        self.units: NameIndex[Organization] = org_index(
            organization_list(actor=actor, include_inactive=True)
        )
        people = person_list(actor=actor)
        numbers = sorted({row.get("citizen_id") for row in rows if row.get("citizen_id")})
        self.by_number = {p.citizen_id: p for p in in_batches(people, "citizen_id", numbers)}
        # Without a CCCD a person is matched on name and birth date (and unit, below): only
        # the people answering one of the file's (birth date, name) pairs are candidates.
        pairs = sorted(
            {
                (row.get("date_of_birth"), fold(row.get("full_name")))
                for row in rows
                if row.get("full_name") and row.get("date_of_birth") and not row.get("citizen_id")
            }
        )
        self.by_name: dict[str, list[Person]] = defaultdict(list)
        for start in range(0, len(pairs), BATCH):
            for person in born_and_named(people, pairs[start : start + BATCH]):
                self.by_name[person.search_key].append(person)
        ids = [p.pk for found in self.by_name.values() for p in found]
        self.paths: dict[int, list[str]] = defaultdict(list)
        for start in range(0, len(ids), 500):
            for person_id, path in Employment.objects.filter(
                person__in=ids[start : start + 500]
            ).values_list("person_id", "organization__path"):
                self.paths[person_id].append(path)

    def unit(self, row: Row, key: str = "unit") -> Organization | None:
        """Return the organisation named in ``row[key]`` (in the actor's scope)."""
        return self.units.find(
            row,
            key,
            not_found=_("Không tìm thấy đơn vị này trong phạm vi bạn quản lý."),
            ambiguous=_("Có nhiều đơn vị cùng tên này; hãy ghi tên viết tắt để phân biệt."),
        )

    def collective(self, row: Row) -> Organization | None:
        """Return the collective a row names in its name column."""
        return self.units.find(
            row,
            "full_name",
            not_found=_("Không tìm thấy tập thể (đơn vị) này trong phạm vi bạn quản lý."),
            ambiguous=_("Có nhiều đơn vị cùng tên này; hãy ghi tên viết tắt để phân biệt."),
        )

    def person(self, row: Row, *, default_unit: Organization | None = None) -> Person | None:
        """Return the person a row names, or report why there is none or several.

        ``default_unit`` stands for an empty "Đơn vị" cell (a proposal's own unit).
        """
        number = row.get("citizen_id")
        if "citizen_id" in row.failed:
            return None
        if number:
            person = self.by_number.get(number)
            if person is None:
                row.error(
                    "citizen_id",
                    _("Không tìm thấy cá nhân có số CCCD này trong phạm vi bạn quản lý."),
                )
            elif row.get("full_name") and fold(row.get("full_name")) != person.search_key:
                row.error(
                    "full_name",
                    _("Họ tên không khớp với số CCCD (trong hệ thống: %(name)s).")
                    % {"name": person.full_name},
                )
                return None
            return person
        born, unit_name = row.get("date_of_birth"), row.get("unit")
        if born is None or not (unit_name or default_unit):
            if "date_of_birth" not in row.failed:
                row.error(
                    "citizen_id",
                    _("Không có số CCCD: cần ghi cả ngày sinh và đơn vị để xác định đúng người."),
                )
            return None
        unit = self.unit(row) if unit_name else default_unit
        if unit is None or not row.get("full_name"):
            return None
        matches = [
            person
            for person in self.by_name.get(fold(row.get("full_name")), [])
            if person.date_of_birth == born
            and any(path.startswith(unit.path) for path in self.paths.get(person.pk, []))
        ]
        if not matches:
            row.error(
                "full_name",
                _("Không tìm thấy người có họ tên, ngày sinh này đã hoặc đang công tác ở %(unit)s.")
                % {"unit": unit.name},
            )
            return None
        if len(matches) > 1:
            row.error(
                "full_name",
                _("Có %(n)s người cùng họ tên, ngày sinh và đơn vị: hãy ghi số CCCD để phân biệt.")
                % {"n": len(matches)},
            )
            return None
        return matches[0]

    def recipient(self, row: Row) -> tuple[Person | None, Organization | None]:
        """Return (person, None) or (None, collective) as the row's "Đối tượng" says."""
        if row.get("kind") == RecipientKind.COLLECTIVE:
            return None, self.collective(row)
        return self.person(row), None


# --- writing a whole file in one batch ---------------------------------------------------------


@dataclass
class Plan:
    """One row and the entry it becomes (None when the row has errors)."""

    row: Row
    entry: Any


class BatchImporter(Importer):
    """An importer whose rows are written by one batch service call (``write``)."""

    def apply_plans(self, *, actor: Any, plans: Sequence[Any], result: ImportResult) -> None:
        """Write every entry in one call; place a refused entry's error on its row."""
        entries = [plan.entry for plan in plans]
        try:
            outcome = self.write(actor=actor, entries=entries)
        except ApplicationError as exc:
            index = exc.extra.get("index")
            row = plans[index].row if isinstance(index, int) else plans[0].row
            self.report_service_error(row, exc)
            return
        for name in outcome.outcomes:
            result.count(name)

    def write(self, *, actor: Any, entries: Sequence[Any]) -> RecordResult:
        """Write the entries of the whole file through the batch service."""
        raise NotImplementedError

    def apply(self, *, actor: Any, plan: Any) -> str:
        """Write one row alone (``apply_plans`` normally writes the whole file at once)."""
        return self.write(actor=actor, entries=[plan.entry]).outcomes[0]


def decimal_or_none(value: Decimal | None) -> int | None:
    """Return an integral Decimal as int (None stays None)."""
    return None if value is None else int(value)
