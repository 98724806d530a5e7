"""The 2019 round after the council: publication, the decision, the tờ trình, certificates, fund.

Continues ``tdkt.demo.round2019`` (the round, the units' proposals, the appraisal and the
council's vote) through the real services, each with the login of the person who would act:

* the officer ``canbo.tdkt`` publishes the voted list from 23/12/2019 for 10 working days,
  records a comment and its answer, and withdraws one line at the unit's request;
* the officer drafts the Giấy khen decision, cites the office's tờ trình and the council's
  minutes, aligns the ``QĐ-BQL`` series of 2020 with the paper register (124), and the head
  of the Board ``lanhdao`` signs it: **125/QĐ-BQL of 10/01/2020**, 6 collectives and 18
  individuals, R2013 money (890.000 đồng a collective, 450.000 an individual);
* the officer draws up the tờ trình to the City for the three Bằng khen lines and prints the
  decision's certificates, both as background jobs (``/jobs/``): they are queued when the seed
  commits and the worker of ``make run`` runs them (the test settings' immediate backend runs
  them at that commit);
* the fund of 2020: opening balance, a receipt and the payment of the decision.

:func:`load_2019_story` is the one entry point; it does nothing once the round exists.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from tdkt.accounts.models import User
from tdkt.commendations.constants import CommentKind, FundEntryKind, SignerTitle
from tdkt.commendations.letters import LetterRequest
from tdkt.commendations.models import Decision, Round
from tdkt.commendations.services import (
    certificate_batch_job_start,
    city_letter_job_start,
    decision_draft_create,
    decision_sign,
    decision_update,
    document_series_align,
    fund_entry_add,
    fund_year_set,
    proposal_line_withdraw,
    publication_comment_add,
    publication_comment_resolve,
    publication_open,
)
from tdkt.organizations.models import Organization, Person

from .round2019 import BANG_KHEN_TP, GIAY_KHEN, load_2019_round

PUBLISHED_FROM = date(2019, 12, 23)
SIGNED_ON = date(2020, 1, 10)
SERIES_BEFORE = 124  # the paper register's last decision number of 2020 before ours
MINUTES = "Biên bản họp Hội đồng Thi đua – Khen thưởng Ban số 01/BB-HĐTĐKT ngày 20/12/2019"


def load_2019_story(
    *,
    orgs: dict[str, Organization],
    people: dict[str, Person],
    created: Counter[str],
) -> None:
    """Load the 2019 round and carry it to its decision unless the round exists."""
    round_ = load_2019_round(orgs=orgs, people=people, created=created)
    if round_ is None:
        return
    users = {u.username: u for u in User.objects.filter(username__in=["canbo.tdkt", "lanhdao"])}
    officer, leader = users["canbo.tdkt"], users["lanhdao"]
    _publish(round_, officer, orgs)
    draft = decision_draft_create(
        actor=officer, round=round_, codes=[GIAY_KHEN], signer_title=SignerTitle.HEAD
    )
    draft = decision_update(
        actor=officer,
        decision=draft,
        proposal_basis=(
            "Xét đề nghị của Chánh Văn phòng Ban tại Tờ trình số 12/TTr-VP ngày 06 tháng 01 "
            "năm 2020 và Biên bản họp Hội đồng Thi đua - Khen thưởng Ban ngày 20 tháng 12 "
            "năm 2019"
        ),
    )
    document_series_align(actor=officer, year=SIGNED_ON.year, last_number=SERIES_BEFORE)
    decision = decision_sign(
        actor=leader, decision=draft, signer_title=SignerTitle.HEAD, signed_on=SIGNED_ON
    )
    created["decisions"] += 1
    city_letter_job_start(
        actor=officer,
        round=round_,
        request=LetterRequest(
            code=BANG_KHEN_TP,
            council_minutes=MINUTES,
            signer_name=leader.get_full_name(),
            number=3,
            issued_on=date(2020, 1, 6),
        ),
    )
    certificate_batch_job_start(actor=officer, decision=decision)
    created["background_jobs"] += 2
    _fund(decision, officer, created)


def _publish(round_: Round, officer: User, orgs: dict[str, Organization]) -> None:
    publication = publication_open(
        actor=officer,
        round=round_,
        starts_on=PUBLISHED_FROM,
        note="Niêm yết tại trụ sở Ban và đăng trên Cổng thông tin điện tử của Ban.",
    )
    first = round_.proposals.get(organization=orgs["unit:office"]).lines.order_by("id").first()
    if first is not None:
        comment = publication_comment_add(
            actor=officer,
            publication=publication,
            line=first,
            kind=CommentKind.COMMENT,
            author_name="Công đoàn cơ quan Ban",
            text="Đề nghị bổ sung số liệu thành tích trong báo cáo.",
            received_on=date(2019, 12, 26),
        )
        publication_comment_resolve(
            actor=officer, comment=comment, resolution="Văn phòng đã bổ sung báo cáo thành tích."
        )
    late = round_.proposals.get(organization=orgs["unit:labour"]).lines.order_by("-id")
    withdrawn = late.filter(code=GIAY_KHEN).first()
    if withdrawn is not None:
        proposal_line_withdraw(
            actor=officer, line=withdrawn, reason="Đơn vị xin rút do cá nhân chuyển công tác."
        )


def _fund(decision: Decision, officer: User, created: Counter[str]) -> None:
    total = sum(a.prize_vnd or 0 for a in decision.awards.all())
    fund_year_set(
        actor=officer,
        year=2020,
        opening_balance_vnd=120_000_000,
        note="Số dư quỹ chuyển sang từ năm 2019",
    )
    fund_entry_add(
        actor=officer,
        kind=FundEntryKind.RECEIPT,
        amount_vnd=50_000_000,
        on=date(2020, 1, 2),
        description="Trích lập quỹ thi đua, khen thưởng năm 2020 theo dự toán",
    )
    fund_entry_add(
        actor=officer,
        kind=FundEntryKind.PAYMENT,
        amount_vnd=total,
        on=date(2020, 1, 20),
        description=f"Chi thưởng theo Quyết định số {decision.number_label}",
        decision=decision,
    )
    created["fund_entries"] += 2
