"""The statutory deadlines of petitions, as named parameters an officer can change.

Each deadline is a ``DeadlineRule``: a default number of days, whether the days are calendar
or working days, and the law it comes from. Values that ``shared/domain/legal-rules.md``
confirms are marked verified; the others (the acceptance periods, the second-round limits in
remote areas, the whole Law on Denunciations) are UNVERIFIED and shown as such on the
parameters page, where an officer corrects them without a release (decision 0831).

A period counted in calendar days whose last day is a day off ends on the next working day
(Civil Code 2015 Art 148, ``WorkingCalendar.next_working_day``). A period in working days
counts from the day after the start (``WorkingCalendar.add_working_days``).

This module computes; it reads no database. ``DeadlineSettings`` carries the officer's
values (``selectors.deadline_settings`` builds it) and the services store the dates they
compute on the petition, so that a later change of a parameter does not move the deadline a
sender was already told.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tdkt.core.calendar import WorkingCalendar

from .constants import ComplaintRound, PetitionKind


class DayUnit(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


UNIT_LABELS: dict[str, Promise] = {
    DayUnit.CALENDAR: _("ngày"),
    DayUnit.WORKING: _("ngày làm việc"),
}


@dataclass(frozen=True)
class DeadlineRule:
    """One named period of the procedure and where it comes from."""

    name: str
    label: Promise
    days: int
    unit: DayUnit
    source: str
    verified: bool
    maximum: int = 365
    #: The unit cannot be changed (the warning period is counted in working days everywhere).
    fixed_unit: bool = False


COMPLAINT_LAW = "Luật Khiếu nại 2011"
DENUNCIATION_LAW = "Luật Tố cáo 2018"

RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(
        "complaint_filing",
        _("Thời hiệu khiếu nại, kể từ ngày biết được quyết định, hành vi bị khiếu nại"),
        90,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 9",
        True,
    ),
    DeadlineRule(
        "complaint_acceptance",
        _("Thụ lý khiếu nại, kể từ ngày nhận đơn"),
        10,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 27",
        False,
    ),
    DeadlineRule(
        "complaint_first",
        _("Giải quyết khiếu nại lần đầu, kể từ ngày thụ lý"),
        30,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 28",
        True,
    ),
    DeadlineRule(
        "complaint_first_complex",
        _("Giải quyết khiếu nại lần đầu, vụ việc phức tạp"),
        45,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 28",
        True,
    ),
    DeadlineRule(
        "complaint_first_remote",
        _("Giải quyết khiếu nại lần đầu ở vùng sâu, vùng xa"),
        45,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 28",
        True,
    ),
    DeadlineRule(
        "complaint_first_remote_complex",
        _("Giải quyết khiếu nại lần đầu ở vùng sâu, vùng xa, vụ việc phức tạp"),
        60,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 28",
        True,
    ),
    DeadlineRule(
        "complaint_second",
        _("Giải quyết khiếu nại lần hai, kể từ ngày thụ lý"),
        45,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 37",
        True,
    ),
    DeadlineRule(
        "complaint_second_complex",
        _("Giải quyết khiếu nại lần hai, vụ việc phức tạp"),
        60,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 37",
        True,
    ),
    DeadlineRule(
        "complaint_second_remote",
        _("Giải quyết khiếu nại lần hai ở vùng sâu, vùng xa"),
        60,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 37",
        False,
    ),
    DeadlineRule(
        "complaint_second_remote_complex",
        _("Giải quyết khiếu nại lần hai ở vùng sâu, vùng xa, vụ việc phức tạp"),
        70,
        DayUnit.CALENDAR,
        f"{COMPLAINT_LAW}, Điều 37",
        False,
    ),
    DeadlineRule(
        "denunciation_acceptance",
        _("Thụ lý tố cáo, kể từ ngày nhận đơn"),
        7,
        DayUnit.WORKING,
        f"{DENUNCIATION_LAW}, Điều 24",
        False,
    ),
    DeadlineRule(
        "denunciation_resolution",
        _("Giải quyết tố cáo, kể từ ngày thụ lý"),
        30,
        DayUnit.CALENDAR,
        f"{DENUNCIATION_LAW}, Điều 30",
        False,
    ),
    DeadlineRule(
        "denunciation_extension",
        _("Mỗi lần gia hạn giải quyết tố cáo"),
        30,
        DayUnit.CALENDAR,
        f"{DENUNCIATION_LAW}, Điều 30",
        False,
    ),
    DeadlineRule(
        "feedback_answer",
        _("Trả lời phản ánh, kiến nghị, kể từ ngày nhận đơn"),
        15,
        DayUnit.WORKING,
        "Quy chế tiếp nhận, xử lý đơn thư của Ban",
        False,
    ),
    DeadlineRule(
        "due_soon",
        _("Cảnh báo sắp đến hạn trước"),
        5,
        DayUnit.WORKING,
        "Do Ban quy định",
        True,
        maximum=60,
        fixed_unit=True,
    ),
)

RULE_BY_NAME: dict[str, DeadlineRule] = {rule.name: rule for rule in RULES}

# Not a period: how many times a denunciation's resolution may be extended (Art 30: once for
# a complex case, twice for a particularly complex one). UNVERIFIED like the rest of that law.
MAX_EXTENSIONS_DEFAULT = 2
MAX_EXTENSIONS_LIMIT = 5


@dataclass(frozen=True)
class Period:
    """A number of days and how they are counted."""

    days: int
    unit: DayUnit

    def end(self, start: date, calendar: WorkingCalendar) -> date:
        """The last day of the period starting the day after ``start``."""
        if self.unit == DayUnit.WORKING:
            return calendar.add_working_days(start, self.days)
        return calendar.next_working_day(start + timedelta(days=self.days))


@dataclass(frozen=True)
class DeadlineSettings:
    """The periods in force: each rule's default unless an officer changed it."""

    periods: Mapping[str, Period] = field(default_factory=dict)
    max_extensions: int = MAX_EXTENSIONS_DEFAULT

    def period(self, name: str) -> Period:
        found = self.periods.get(name)
        if found is not None:
            return found
        rule = RULE_BY_NAME[name]
        return Period(rule.days, rule.unit)


def acceptance_due(
    kind: str, received_on: date, settings: DeadlineSettings, calendar: WorkingCalendar
) -> date:
    """The day by which the petition must be accepted or refused (for feedback: answered)."""
    name = {
        PetitionKind.COMPLAINT: "complaint_acceptance",
        PetitionKind.DENUNCIATION: "denunciation_acceptance",
        PetitionKind.FEEDBACK: "feedback_answer",
    }[PetitionKind(kind)]
    return settings.period(name).end(received_on, calendar)


def resolution_period_name(kind: str, round_: str, *, complex_case: bool, remote: bool) -> str:
    """The rule that sets the time to resolve an accepted petition."""
    if kind == PetitionKind.DENUNCIATION:
        return "denunciation_resolution"
    if kind == PetitionKind.FEEDBACK:
        return "feedback_answer"
    base = "complaint_second" if round_ == ComplaintRound.SECOND else "complaint_first"
    return base + ("_remote" if remote else "") + ("_complex" if complex_case else "")


def resolution_due(
    kind: str,
    round_: str,
    accepted_on: date,
    settings: DeadlineSettings,
    calendar: WorkingCalendar,
    *,
    complex_case: bool = False,
    remote: bool = False,
) -> date:
    """The day by which an accepted petition must be resolved."""
    name = resolution_period_name(kind, round_, complex_case=complex_case, remote=remote)
    return settings.period(name).end(accepted_on, calendar)


def extended_due(due_on: date, settings: DeadlineSettings, calendar: WorkingCalendar) -> date:
    """The new deadline after one extension: the extension period added to the deadline
    already given (not recomputed from acceptance, so a parameter changed since does not
    shorten or lengthen what the sender was told)."""
    return settings.period("denunciation_extension").end(due_on, calendar)


def filing_deadline(known_on: date, settings: DeadlineSettings, calendar: WorkingCalendar) -> date:
    """The last day a complaint about a decision learnt of on ``known_on`` may be filed."""
    return settings.period("complaint_filing").end(known_on, calendar)
