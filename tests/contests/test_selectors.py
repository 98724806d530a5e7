"""Who sees a contest and its entries: 404 for anybody else, exactly like a missing one."""

from __future__ import annotations

import uuid

import pytest

from tdkt.contests.selectors import (
    contest_get,
    contest_list,
    contest_work,
    entry_get,
    entry_list,
    exemplary_models,
    jury_queue,
    prize_list,
)
from tdkt.contests.services import entry_prize_set, entry_withdraw, score_set
from tdkt.contests.workflow import contest_transition
from tdkt.core.errors import NotFoundError, OutOfScopeError

from .conftest import new_contest, start_judging

pytestmark = pytest.mark.django_db


def test_a_draft_contest_is_seen_by_the_board_only(registry):
    draft = new_contest(registry)
    assert contest_get(actor=registry.leader, uuid=draft.uuid) == draft
    for user in (registry.investment_head, registry.enterprise_rep, registry.viewer):
        with pytest.raises(OutOfScopeError):
            contest_get(actor=user, uuid=draft.uuid)
        assert list(contest_list(actor=user)) == []


def test_an_open_contest_is_announced_to_every_unit(w):
    for user in (w.r.investment_head, w.r.enterprise_rep, w.r.viewer, w.r.council):
        assert list(contest_list(actor=user)) == [w.contest]


def test_before_results_an_entry_is_seen_only_by_its_unit_and_the_organisers(w):
    entry = w.investment_entry
    assert entry_get(actor=w.r.investment_head, uuid=entry.uuid) == entry
    assert entry_get(actor=w.r.officer, uuid=entry.uuid) == entry
    for user in (w.r.enterprise_rep, w.r.planning_head, w.r.viewer, w.r.leader, w.r.council):
        with pytest.raises(OutOfScopeError) as hidden:
            entry_get(actor=user, uuid=entry.uuid)
        with pytest.raises(NotFoundError) as missing:
            entry_get(actor=user, uuid=uuid.uuid4())
        assert hidden.value.message == missing.value.message == "Không tìm thấy bài dự thi."
    assert entry_list(actor=w.r.enterprise_rep, contest=w.contest) == [w.enterprise_entry]


def test_jurors_read_the_entries_once_judging_starts_but_not_withdrawn_ones(w):
    entry_withdraw(actor=w.r.enterprise_rep, entry=w.enterprise_entry)
    start_judging(w)
    assert entry_get(actor=w.r.council, uuid=w.investment_entry.uuid) == w.investment_entry
    with pytest.raises(OutOfScopeError):
        entry_get(actor=w.r.council, uuid=w.enterprise_entry.uuid)
    assert [r.entry for r in jury_queue(actor=w.r.planning_head, contest=w.contest)] == [
        w.investment_entry
    ]
    with pytest.raises(OutOfScopeError):
        entry_get(actor=w.r.viewer, uuid=w.investment_entry.uuid)


def test_after_publication_winners_are_exemplary_models_for_everyone(judging):
    w = judging
    for entry in (w.investment_entry, w.enterprise_entry, w.planning_entry):
        for juror in (w.r.council, w.r.leader, w.r.planning_head):
            if not (juror == w.r.planning_head and entry == w.planning_entry):
                score_set(
                    actor=juror, entry=entry, points=90 if entry == w.enterprise_entry else 70
                )
    entry_prize_set(actor=w.r.officer, entry=w.enterprise_entry, prize="first")
    assert [line.entry for line in prize_list(actor=w.r.officer, contest=w.contest)] == [
        w.enterprise_entry
    ]
    assert prize_list(actor=w.r.viewer, contest=w.contest) == []
    assert exemplary_models(actor=w.r.viewer) == []
    published = contest_transition(actor=w.r.officer, contest=w.contest, to_state="published")
    assert exemplary_models(actor=w.r.viewer) == [w.enterprise_entry]
    assert entry_get(actor=w.r.viewer, uuid=w.enterprise_entry.uuid) == w.enterprise_entry
    with pytest.raises(OutOfScopeError):
        entry_get(actor=w.r.viewer, uuid=w.investment_entry.uuid)
    lines = prize_list(actor=w.r.viewer, contest=published)
    assert [(line.amount, str(line.average)) for line in lines] == [(3_000_000, "90.00")]


def test_the_dashboard_lists_each_role_s_waiting_work(w):
    labels = [item.label for item in contest_work(actor=w.r.investment_head)]
    assert labels == ["Cuộc thi viết sắp hết hạn nhận bài"]
    assert contest_work(actor=w.r.viewer) == []
    after = w.after_close
    assert [i.label for i in contest_work(actor=w.r.officer, today=after)] == [
        "Cuộc thi viết đã hết hạn nhận bài, chờ chuyển sang chấm"
    ]
    contest_transition(actor=w.r.officer, contest=w.contest, to_state="judging", on=after)
    work = contest_work(actor=w.r.planning_head)
    assert [(i.label, i.count) for i in work] == [("Bài dự thi chờ bạn chấm điểm", 2)]
