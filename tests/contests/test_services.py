"""The contest services: who may act, what is refused (with nothing written), the audit."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import override_settings

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.contests.models import Contest, Entry, Score
from tdkt.contests.selectors import contest_results
from tdkt.contests.services import (
    conflict_declare,
    contest_create,
    contest_jury_set,
    contest_update,
    entry_prize_set,
    entry_submit,
    entry_update,
    entry_withdraw,
    score_set,
)
from tdkt.contests.versions import contest_version, entry_version
from tdkt.contests.workflow import contest_transition
from tdkt.core.errors import (
    ApplicationError,
    ConflictError,
    PermissionDeniedError,
    StaleVersionError,
)

from .conftest import PDF, new_contest, submit

pytestmark = pytest.mark.django_db


def events(event_type) -> int:
    return AuditEvent.objects.filter(event_type=event_type).count()


# Contests ------------------------------------------------------------------------------------


def test_an_officer_creates_a_contest_with_its_prizes_and_it_is_audited(registry):
    contest = new_contest(registry)
    assert contest.state == "draft"
    assert (contest.first_prizes, contest.first_amount) == (1, Decimal(3_000_000))
    event = AuditEvent.objects.get(event_type=AuditEventType.CONTEST_CREATED)
    assert event.object_id == str(contest.uuid)
    assert event.changes["plan_number"] == [None, "1445/KH-BQL"]


@pytest.mark.parametrize("user", ["investment_head", "enterprise_rep", "leader", "viewer"])
def test_only_emulation_officers_organise_contests(registry, user):
    with pytest.raises(PermissionDeniedError):
        contest_create(
            actor=getattr(registry, user),
            name="Cuộc thi",
            year=2026,
            opens_on=date(2026, 1, 1),
            closes_on=date(2026, 2, 1),
            first_prizes=1,
        )
    assert not Contest.objects.exists()


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"closes_on": None}, "closes_on", "Cần ghi hạn cuối nhận bài."),
        (
            {"first_prizes": 0, "second_prizes": 0, "third_prizes": 0, "consolation_prizes": 0},
            "first_prizes",
            "Cuộc thi cần có ít nhất một giải.",
        ),
        (
            {"second_amount": -5},
            "second_amount",
            "Tiền thưởng mỗi giải từ 0 đến 1.000.000.000 đồng",
        ),
        ({"plan_number": "KH 1445"}, "plan_number", "Số kế hoạch có dạng số/ký hiệu"),
    ],
)
def test_bad_contest_input_is_refused_in_vietnamese_and_nothing_is_written(
    registry, extra, field, message
):
    with pytest.raises(ApplicationError) as caught:
        new_contest(registry, **extra)
    assert message in caught.value.fields[field][0]
    assert not Contest.objects.exists()
    assert events(AuditEventType.CONTEST_CREATED) == 0


def test_a_contest_closing_before_it_opens_is_refused(registry):
    contest = None
    with pytest.raises(ApplicationError) as caught:
        contest = new_contest(
            registry,
            opens_on=date(2026, 5, 1),
            closes_on=date(2026, 4, 1),
            plan_date=None,
        )
    assert contest is None
    assert "không được trước" in caught.value.fields["closes_on"][0]


def test_a_stale_edit_of_a_contest_is_refused_and_changes_nothing(registry):
    contest = new_contest(registry)
    seen = contest_version(contest)
    contest_update(actor=registry.officer, contest=contest, expected_version=seen, name="Tên mới")
    with pytest.raises(StaleVersionError):
        contest_update(
            actor=registry.officer, contest=contest, expected_version=seen, first_amount=9_000_000
        )
    contest.refresh_from_db()
    assert (contest.name, contest.first_amount) == ("Tên mới", Decimal(3_000_000))
    assert events(AuditEventType.CONTEST_UPDATED) == 1


def test_the_contest_moves_draft_open_judging_published_only(w):
    with pytest.raises(ConflictError):
        contest_transition(actor=w.r.officer, contest=w.contest, to_state="published")
    with pytest.raises(PermissionDeniedError):
        contest_transition(actor=w.r.investment_head, contest=w.contest, to_state="judging")


def test_judging_starts_only_after_the_closing_day_and_with_a_jury(w):
    with pytest.raises(ApplicationError) as caught:
        contest_transition(actor=w.r.officer, contest=w.contest, to_state="judging")
    assert "Chưa hết hạn nhận bài" in caught.value.message
    contest_jury_set(actor=w.r.officer, contest=w.contest, jurors=[])
    with pytest.raises(ApplicationError) as caught:
        contest_transition(
            actor=w.r.officer, contest=w.contest, to_state="judging", on=w.after_close
        )
    assert caught.value.message == "Chưa chọn ban giám khảo."


# Entries -------------------------------------------------------------------------------------


def test_a_unit_head_submits_for_their_unit_and_it_is_audited(w):
    entry = w.investment_entry
    assert (entry.organization, entry.submitted_by) == (w.r.investment, w.r.investment_head)
    assert entry.text.splitlines()[1] == "Anh giúp doanh nghiệp tháo gỡ khó khăn."
    event = AuditEvent.objects.filter(
        event_type=AuditEventType.CONTEST_ENTRY_SUBMITTED, object_id=str(entry.uuid)
    ).get()
    assert event.changes["organization"] == [None, "Phòng Quản lý Đầu tư"]


@pytest.mark.parametrize(
    ("user", "unit"),
    [
        ("investment_head", "enterprise"),
        ("enterprise_rep", "investment"),
        ("officer", "investment"),
        ("viewer", "investment"),
        ("leader", "board"),
    ],
)
def test_nobody_submits_in_another_unit_s_name(w, user, unit):
    with pytest.raises(PermissionDeniedError):
        submit(w.r, w.contest, getattr(w.r, user), getattr(w.r, unit), "Bài khác")
    assert Entry.objects.count() == 3


def test_entries_are_refused_before_opening_and_after_closing(w):
    draft = new_contest(w.r, name="Cuộc thi chưa mở")
    with pytest.raises(ConflictError):
        submit(w.r, draft, w.r.investment_head, w.r.investment, "Sớm quá")
    with pytest.raises(ConflictError):
        entry_submit(
            actor=w.r.investment_head,
            contest=w.contest,
            organization=w.r.investment,
            title="Muộn quá",
            subject_kind="individual",
            subject_name="A",
            authors="B",
            text="C",
            on=w.after_close,
        )
    assert Entry.objects.count() == 3


def test_a_subject_outside_the_submitter_s_scope_is_refused(w):
    with pytest.raises(ApplicationError) as caught:
        submit(
            w.r, w.contest, w.r.investment_head, w.r.investment, "Bài", subject_person=w.r.worker
        )
    assert caught.value.fields["subject_person"] == ["Không tìm thấy cá nhân này."]
    entry = submit(
        w.r, w.contest, w.r.investment_head, w.r.investment, "Bài", subject_person=w.r.anh
    )
    assert entry.subject_person == w.r.anh


def test_an_overlong_article_is_refused(w):
    with pytest.raises(ApplicationError) as caught:
        submit(w.r, w.contest, w.r.investment_head, w.r.investment, "Dài", text="chữ " * 10_000)
    assert "tối đa 30.000 ký tự" in caught.value.fields["text"][0]


def test_an_attached_article_is_checked_and_stored_with_the_entry(w):
    entry = submit(
        w.r, w.contest, w.r.enterprise_rep, w.r.enterprise, "Có tệp", file=("Bài dự thi.pdf", PDF)
    )
    assert (entry.file_name, entry.file_type, entry.file_size) == (
        "Bài dự thi.pdf",
        "application/pdf",
        len(PDF),
    )
    with entry.file.open("rb") as stored:
        assert stored.read() == PDF


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Chỉ nhận tệp PDF"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "Bài viết phải là tệp PDF hoặc Word"),
        ("bai.docx", PDF, "Đuôi tệp không khớp"),
    ],
)
def test_a_bad_file_refuses_the_whole_entry(w, name, data, message):
    with pytest.raises(ApplicationError) as caught:
        submit(w.r, w.contest, w.r.enterprise_rep, w.r.enterprise, "Tệp xấu", file=(name, data))
    assert message in caught.value.fields["file"][0]
    assert not Entry.objects.filter(title="Tệp xấu").exists()


@override_settings(TDKT_CONTEST_FILE_MAX_BYTES=10)
def test_a_file_over_the_limit_is_refused(w):
    with pytest.raises(ApplicationError) as caught:
        submit(w.r, w.contest, w.r.enterprise_rep, w.r.enterprise, "Lớn", file=("a.pdf", PDF))
    assert "Tệp quá lớn" in caught.value.fields["file"][0]


def test_a_stale_edit_of_an_entry_is_refused(w):
    entry = w.investment_entry
    seen = entry_version(entry)
    entry_update(actor=w.r.investment_head, entry=entry, expected_version=seen, title="Tên 2")
    with pytest.raises(StaleVersionError):
        entry_update(actor=w.r.investment_head, entry=entry, expected_version=seen, title="Tên 3")
    entry.refresh_from_db()
    assert entry.title == "Tên 2"


def test_only_the_submitting_unit_edits_or_withdraws(w):
    for user in (w.r.enterprise_rep, w.r.officer, w.r.viewer, w.r.council):
        with pytest.raises(PermissionDeniedError):
            entry_update(actor=user, entry=w.investment_entry, title="Sửa trộm")
        with pytest.raises(PermissionDeniedError):
            entry_withdraw(actor=user, entry=w.investment_entry)


def test_withdrawal_is_kept_and_closes_the_entry(w):
    entry = entry_withdraw(actor=w.r.investment_head, entry=w.investment_entry)
    assert entry.withdrawn_at is not None
    with pytest.raises(ConflictError):
        entry_update(actor=w.r.investment_head, entry=entry, title="Sau khi rút")
    assert events(AuditEventType.CONTEST_ENTRY_WITHDRAWN) == 1


def test_edits_stop_at_the_closing_day(w):
    with pytest.raises(ConflictError):
        entry_update(
            actor=w.r.investment_head, entry=w.investment_entry, title="Muộn", on=w.after_close
        )


# Judging -------------------------------------------------------------------------------------


def score_all(w, points=None):
    """Every juror scores every entry they may (planning's head skips their own)."""
    points = points or {}
    for entry in (w.investment_entry, w.enterprise_entry, w.planning_entry):
        for juror in (w.r.council, w.r.leader, w.r.planning_head):
            if juror == w.r.planning_head and entry == w.planning_entry:
                continue
            score_set(actor=juror, entry=entry, points=points.get(entry.title, 80))


def test_only_jurors_score_and_only_while_judging(judging):
    w = judging
    with pytest.raises(PermissionDeniedError):
        score_set(actor=w.r.officer, entry=w.investment_entry, points=90)
    with pytest.raises(ApplicationError) as caught:
        score_set(actor=w.r.council, entry=w.investment_entry, points=101)
    assert caught.value.fields["points"] == ["Điểm từ 0 đến 100."]
    assert not Score.objects.exists()


def test_scoring_before_judging_is_refused(w):
    with pytest.raises(ConflictError):
        score_set(actor=w.r.council, entry=w.investment_entry, points=90)


def test_a_juror_never_scores_their_own_unit_s_entry(judging):
    w = judging
    with pytest.raises(ConflictError):
        score_set(actor=w.r.planning_head, entry=w.planning_entry, points=100)
    row = next(
        r
        for r in contest_results(actor=None, contest=w.contest).rows
        if r.entry == w.planning_entry
    )
    assert row.ranked.expected == 2


def test_marks_stay_private_until_every_juror_has_scored_the_entry(judging):
    w = judging
    score_set(actor=w.r.council, entry=w.investment_entry, points=70)
    score_set(actor=w.r.leader, entry=w.investment_entry, points=80)

    def seen_by(user):
        row = next(
            r
            for r in contest_results(actor=user, contest=w.contest).rows
            if r.entry == w.investment_entry
        )
        return sorted(s.points for s in row.marks), row.ranked.average

    assert seen_by(w.r.council) == ([Decimal(70)], None)
    assert seen_by(w.r.officer) == ([], None)
    assert seen_by(w.r.planning_head) == ([], None)
    # A juror may correct their mark while others have still to score...
    score_set(actor=w.r.council, entry=w.investment_entry, points=75)
    score_set(actor=w.r.planning_head, entry=w.investment_entry, points=90)
    assert seen_by(w.r.leader) == ([Decimal(75), Decimal(80), Decimal(90)], Decimal("81.67"))
    # ...but not once every mark is in and shown.
    with pytest.raises(ConflictError):
        score_set(actor=w.r.council, entry=w.investment_entry, points=100)
    assert events(AuditEventType.CONTEST_SCORE_SET) == 4


def test_a_declared_conflict_takes_the_juror_off_the_entry(judging):
    w = judging
    with pytest.raises(ApplicationError):
        conflict_declare(actor=w.r.leader, entry=w.enterprise_entry, reason="  ")
    conflict_declare(actor=w.r.leader, entry=w.enterprise_entry, reason="Tác giả là người thân")
    with pytest.raises(ConflictError):
        score_set(actor=w.r.leader, entry=w.enterprise_entry, points=90)
    score_set(actor=w.r.council, entry=w.enterprise_entry, points=60)
    score_set(actor=w.r.planning_head, entry=w.enterprise_entry, points=70)
    row = next(
        r
        for r in contest_results(actor=None, contest=w.contest).rows
        if r.entry == w.enterprise_entry
    )
    assert (row.complete, row.ranked.average) == (True, Decimal("65.00"))
    assert events(AuditEventType.CONTEST_CONFLICT_DECLARED) == 1


def test_prizes_respect_the_number_per_rank_and_only_fully_scored_entries_win(judging):
    w = judging
    with pytest.raises(ConflictError):
        entry_prize_set(actor=w.r.officer, entry=w.investment_entry, prize="first")
    score_all(w)
    entry_prize_set(actor=w.r.officer, entry=w.investment_entry, prize="first")
    with pytest.raises(ApplicationError) as caught:
        entry_prize_set(actor=w.r.officer, entry=w.enterprise_entry, prize="first")
    assert caught.value.fields["prize"] == ["Cuộc thi chỉ có 1 giải nhất, đã trao đủ."]
    entry_prize_set(actor=w.r.officer, entry=w.enterprise_entry, prize="consolation")
    entry_prize_set(actor=w.r.officer, entry=w.planning_entry, prize="consolation")
    with pytest.raises(PermissionDeniedError):
        entry_prize_set(actor=w.r.council, entry=w.planning_entry, prize="second")
    with pytest.raises(ApplicationError):
        contest_update(actor=w.r.officer, contest=w.contest, consolation_prizes=1)
    assert events(AuditEventType.CONTEST_PRIZE_SET) == 3


def test_publication_needs_every_mark_and_a_prize_then_is_final(judging):
    w = judging
    with pytest.raises(ApplicationError) as caught:
        contest_transition(actor=w.r.officer, contest=w.contest, to_state="published")
    assert caught.value.message == "Còn bài dự thi chưa đủ điểm của ban giám khảo."
    score_all(w)
    with pytest.raises(ApplicationError) as caught:
        contest_transition(actor=w.r.officer, contest=w.contest, to_state="published")
    assert caught.value.message == "Chưa trao giải nào."
    entry_prize_set(actor=w.r.officer, entry=w.enterprise_entry, prize="first")
    contest = contest_transition(actor=w.r.officer, contest=w.contest, to_state="published")
    assert contest.published_at is not None
    with pytest.raises(ConflictError):
        contest_update(actor=w.r.officer, contest=contest, name="Sửa sau công bố")
    with pytest.raises(ConflictError):
        entry_prize_set(actor=w.r.officer, entry=w.investment_entry, prize="second")


def test_jurors_who_scored_stay_on_the_jury(judging):
    w = judging
    score_set(actor=w.r.leader, entry=w.investment_entry, points=50)
    with pytest.raises(ApplicationError):
        contest_jury_set(actor=w.r.officer, contest=w.contest, jurors=[w.r.council])
    assert set(w.contest.jurors.all()) == {w.r.council, w.r.leader, w.r.planning_head}
    assert w.after_close - timedelta(days=1) == w.contest.closes_on


def test_the_jury_is_told_when_judging_starts_and_the_units_when_results_are_out(judging):
    from tdkt.notifications.models import Notification

    w = judging
    told = Notification.objects.filter(kind="contest.judging")
    assert {n.recipient for n in told} == {w.r.council, w.r.leader, w.r.planning_head}
    score_all(w)
    entry_prize_set(actor=w.r.officer, entry=w.enterprise_entry, prize="first")
    contest_transition(actor=w.r.officer, contest=w.contest, to_state="published")
    told = Notification.objects.filter(kind="contest.published")
    assert {w.r.investment_head, w.r.enterprise_rep, w.r.planning_head} <= {
        n.recipient for n in told
    }
    assert w.r.leader not in {n.recipient for n in told}
