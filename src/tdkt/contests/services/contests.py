"""Writes of a contest itself: create, edit (texts, dates, prize structure), jury."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.audit.constants import AuditEventType
from tdkt.audit.services import diff, record, snapshot
from tdkt.contests.constants import (
    MAX_PRIZE_AMOUNT,
    MAX_PRIZES_PER_RANK,
    PRIZE_ORDER,
    ContestState,
    PrizeRank,
)
from tdkt.contests.models import Contest, Entry, Score
from tdkt.contests.permissions import ensure_can_manage_contests
from tdkt.contests.versions import CONTEST_FIELDS
from tdkt.core.calendar import MAX_YEAR, MIN_YEAR
from tdkt.core.errors import ConflictError
from tdkt.core.unchanged import UNCHANGED, Unchanged, given
from tdkt.notifications.services import notify

from .common import field_error, lock_contest, long_text, one_line, refuse

# "1445/KH-BQL", "163/KH-BQL": a number, "/", then the symbol.
DOCUMENT_NUMBER = re.compile(r"^[0-9]{1,6}(?:-[A-Za-zĐđ]+)?/[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*$")
# States in which the organiser may still change the contest's texts, dates and prizes.
EDITABLE = frozenset({ContestState.DRAFT, ContestState.OPEN, ContestState.JUDGING})


def _prize_errors(merged: dict[str, Any], data: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for rank in PRIZE_ORDER:
        count_name, amount_name = f"{rank}_prizes", f"{rank}_amount"
        label = PrizeRank(rank).label
        if count_name in data:
            count = data[count_name]
            if not isinstance(count, int) or not 0 <= count <= MAX_PRIZES_PER_RANK:
                errors[count_name] = [
                    _("Số %(prize)s từ 0 đến %(max)s.")
                    % {"prize": str(label).lower(), "max": MAX_PRIZES_PER_RANK}
                ]
        if amount_name in data:
            try:
                amount = Decimal(str(data[amount_name]))
            except (InvalidOperation, ValueError):
                amount = Decimal(-1)
            if not amount.is_finite() or amount < 0 or amount > MAX_PRIZE_AMOUNT:
                errors[amount_name] = [_("Tiền thưởng mỗi giải từ 0 đến 1.000.000.000 đồng.")]
            elif amount != amount.to_integral_value():
                errors[amount_name] = [_("Tiền thưởng tính theo đồng, không có phần lẻ.")]
            else:
                data[amount_name] = amount
    if not any(merged.get(f"{rank}_prizes") for rank in PRIZE_ORDER) and not errors:
        errors["first_prizes"] = [_("Cuộc thi cần có ít nhất một giải.")]
    return errors


def _validate(data: dict[str, Any], contest: Contest | None) -> dict[str, Any]:
    """Normalise and check the given fields against each other (merged with ``contest``)."""
    for name in ("name", "plan_number"):
        if name in data:
            data[name] = one_line(data[name])
    if "rules" in data:
        data["rules"] = long_text(data["rules"])
    errors: dict[str, list[str]] = {}
    merged = {f: getattr(contest, f) for f in CONTEST_FIELDS} if contest else {}
    merged.update(data)
    if "name" in data and not data["name"]:
        errors["name"] = [_("Cần ghi tên cuộc thi.")]
    year = merged.get("year")
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        errors["year"] = [_("Năm không hợp lệ.")]
    if data.get("plan_number") and not DOCUMENT_NUMBER.match(data["plan_number"]):
        errors["plan_number"] = [_("Số kế hoạch có dạng số/ký hiệu, ví dụ 1445/KH-BQL.")]
    opens, closes = merged.get("opens_on"), merged.get("closes_on")
    if not isinstance(opens, date):
        errors["opens_on"] = [_("Cần ghi ngày bắt đầu nhận bài.")]
    if not isinstance(closes, date):
        errors["closes_on"] = [_("Cần ghi hạn cuối nhận bài.")]
    if isinstance(opens, date) and isinstance(closes, date):
        if closes < opens:
            errors["closes_on"] = [_("Hạn cuối nhận bài không được trước ngày bắt đầu.")]
        elif not (opens.year >= MIN_YEAR and closes.year <= MAX_YEAR):
            errors["opens_on"] = [_("Thời gian nằm ngoài phạm vi lịch làm việc.")]
    plan_date = merged.get("plan_date")
    if isinstance(plan_date, date) and not MIN_YEAR <= plan_date.year <= MAX_YEAR:
        errors["plan_date"] = [_("Ngày kế hoạch nằm ngoài phạm vi lịch làm việc.")]
    elif isinstance(plan_date, date) and isinstance(opens, date) and plan_date > opens:
        errors["plan_date"] = [_("Kế hoạch phải ban hành trước ngày bắt đầu nhận bài.")]
    errors.update(_prize_errors(merged, data))
    refuse(errors)
    return data


@transaction.atomic
def contest_create(
    *,
    actor: Any,
    name: str,
    year: int,
    opens_on: date,
    closes_on: date,
    plan_number: str = "",
    plan_date: date | None = None,
    rules: str = "",
    first_prizes: int = 0,
    first_amount: Decimal | int = 0,
    second_prizes: int = 0,
    second_amount: Decimal | int = 0,
    third_prizes: int = 0,
    third_amount: Decimal | int = 0,
    consolation_prizes: int = 0,
    consolation_amount: Decimal | int = 0,
) -> Contest:
    """Create a contest in draft with its prize structure."""
    ensure_can_manage_contests(actor)
    data = _validate(
        {
            "name": name,
            "year": year,
            "opens_on": opens_on,
            "closes_on": closes_on,
            "plan_number": plan_number,
            "plan_date": plan_date,
            "rules": rules,
            "first_prizes": first_prizes,
            "first_amount": first_amount,
            "second_prizes": second_prizes,
            "second_amount": second_amount,
            "third_prizes": third_prizes,
            "third_amount": third_amount,
            "consolation_prizes": consolation_prizes,
            "consolation_amount": consolation_amount,
        },
        None,
    )
    contest = Contest.objects.create(**data, created_by=actor)
    record(
        event_type=AuditEventType.CONTEST_CREATED,
        actor=actor,
        obj=contest,
        changes=diff({}, snapshot(contest, CONTEST_FIELDS)),
    )
    return contest


def ensure_editable(contest: Contest) -> None:
    """Refuse a change to a contest whose results are published (its record is final)."""
    if contest.state not in EDITABLE:
        raise ConflictError(_("Cuộc thi đã công bố kết quả, không sửa được nữa."))


@transaction.atomic
def contest_update(
    *,
    actor: Any,
    contest: Contest,
    expected_version: str | None = None,
    name: str | Unchanged = UNCHANGED,
    year: int | Unchanged = UNCHANGED,
    opens_on: date | Unchanged = UNCHANGED,
    closes_on: date | Unchanged = UNCHANGED,
    plan_number: str | Unchanged = UNCHANGED,
    plan_date: date | Unchanged | None = UNCHANGED,
    rules: str | Unchanged = UNCHANGED,
    first_prizes: int | Unchanged = UNCHANGED,
    first_amount: Decimal | int | Unchanged = UNCHANGED,
    second_prizes: int | Unchanged = UNCHANGED,
    second_amount: Decimal | int | Unchanged = UNCHANGED,
    third_prizes: int | Unchanged = UNCHANGED,
    third_amount: Decimal | int | Unchanged = UNCHANGED,
    consolation_prizes: int | Unchanged = UNCHANGED,
    consolation_amount: Decimal | int | Unchanged = UNCHANGED,
) -> Contest:
    """Change the given fields of a contest not yet published. A prize count may not fall
    below the prizes of that rank already assigned."""
    ensure_can_manage_contests(actor)
    locked = lock_contest(contest, expected_version)
    ensure_editable(locked)
    data = _validate(
        given(
            name=name,
            year=year,
            opens_on=opens_on,
            closes_on=closes_on,
            plan_number=plan_number,
            plan_date=plan_date,
            rules=rules,
            first_prizes=first_prizes,
            first_amount=first_amount,
            second_prizes=second_prizes,
            second_amount=second_amount,
            third_prizes=third_prizes,
            third_amount=third_amount,
            consolation_prizes=consolation_prizes,
            consolation_amount=consolation_amount,
        ),
        locked,
    )
    for rank in PRIZE_ORDER:
        count_name = f"{rank}_prizes"
        if count_name in data:
            given_out = Entry.objects.filter(contest=locked, prize=rank).count()
            if data[count_name] < given_out:
                raise field_error(
                    count_name,
                    _("Đã trao %(n)s %(prize)s: bỏ bớt giải đã trao trước khi giảm số giải.")
                    % {"n": given_out, "prize": str(PrizeRank(rank).label).lower()},
                )
    before = snapshot(locked, CONTEST_FIELDS)
    for name_, value in data.items():
        setattr(locked, name_, value)
    after = snapshot(locked, CONTEST_FIELDS)
    changes = diff(before, after)
    if changes:
        locked.save(update_fields=sorted(changes))
        record(event_type=AuditEventType.CONTEST_UPDATED, actor=actor, obj=locked, changes=changes)
    return locked


@transaction.atomic
def contest_jury_set(
    *,
    actor: Any,
    contest: Contest,
    jurors: Iterable[Any],
    expected_version: str | None = None,
) -> Contest:
    """Set the jury. Until results are published jurors may be added; a juror who has already
    scored or declared a conflict stays (their marks are part of the result)."""
    ensure_can_manage_contests(actor)
    locked = lock_contest(contest, expected_version)
    ensure_editable(locked)
    wanted = {user.pk: user for user in jurors}
    current = {u.pk: u for u in locked.jurors.all()}
    removed = [pk for pk in current if pk not in wanted]
    added = [u for pk, u in wanted.items() if pk not in current]
    if any(not u.is_active for u in added):
        raise field_error("jurors", _("Tài khoản đã bị khoá không làm giám khảo được."))
    if removed:
        busy = Score.objects.filter(entry__contest=locked, juror_id__in=removed).exists()
        if busy:
            raise field_error(
                "jurors", _("Giám khảo đã chấm hoặc đã xin không chấm bài thì không bỏ được.")
            )
    if not added and not removed:
        return locked
    if locked.state == ContestState.JUDGING and not wanted:
        raise field_error("jurors", _("Cuộc thi đang chấm cần có ít nhất một giám khảo."))
    judging = locked.state == ContestState.JUDGING
    if judging:
        # Marks already shown stay final: a juror added now is not expected on those entries.
        _reveal_complete_entries(locked)
    locked.jurors.remove(*removed)
    locked.jurors.add(*added)
    if judging:
        _reveal_complete_entries(locked)
    changes: dict[str, list[Any]] = {}
    if added:
        changes["added"] = [None, sorted(_name(u) for u in added)]
    if removed:
        changes["removed"] = [sorted(_name(current[pk]) for pk in removed), None]
    record(event_type=AuditEventType.CONTEST_JURY_SET, actor=actor, obj=locked, changes=changes)
    if judging and added:
        notify(
            actor=actor,
            recipients=added,
            kind="contest.judging",
            title=_("Bạn được mời chấm bài cuộc thi “%(name)s”") % {"name": locked.name},
            body=_("Xin mời chấm các bài dự thi chưa được chấm đủ điểm."),
            link=reverse("contests:contest-detail", kwargs={"uuid": locked.uuid}),
        )
    return locked


def _reveal_complete_entries(contest: Contest) -> None:
    from .judging import reveal_if_complete

    entries = Entry.objects.select_related("contest", "organization").filter(
        contest=contest, withdrawn_at__isnull=True, marks_revealed_at__isnull=True
    )
    for entry in entries:
        entry.contest = contest
        reveal_if_complete(entry)


def _name(user: Any) -> str:
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return str(full or user.get_username())
