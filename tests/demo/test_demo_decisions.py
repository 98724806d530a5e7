"""The demo's 2019 round carried to a signed Giấy khen decision, for the contract's commands."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tdkt.commendations.constants import DecisionState, ProposalState, PublicationState
from tdkt.commendations.models import (
    Award,
    Decision,
    FundEntry,
    Proposal,
    ProposalLine,
    Publication,
)
from tdkt.commendations.selectors.fund import fund_summary

from .test_seed_demo import seeded  # noqa: F401 (the module's seeded database)

pytestmark = pytest.mark.django_db


def test_the_2019_decision_is_signed_with_collectives_and_individuals(seeded):  # noqa: F811
    """125/QĐ-BQL of 10/01/2020: at least 20 lines, both kinds, R2013 money, all granted."""
    out = io.StringIO()
    call_command("decisions", "list", "--year", "2020", "--format", "json", stdout=out)
    [listed] = json.loads(out.getvalue())
    assert (listed["number"], listed["date"], listed["status"]) == (
        "125/QĐ-BQL",
        "2020-01-10",
        "signed",
    )
    assert listed["collectives"] >= 5 and listed["individuals"] >= 15
    assert listed["collectives"] + listed["individuals"] >= 20
    out = io.StringIO()
    call_command("decisions", "show", "125", "--year", "2020", stdout=out)
    shown = json.loads(out.getvalue())
    assert shown["rule_set"] == "R2013" and shown["base_salary_vnd"] == 1_490_000
    amounts = {(line["recipient_kind"], line["prize_vnd"]) for line in shown["lines"]}
    assert amounts == {("collective", 890_000), ("individual", 450_000)}
    assert shown["total_prize_vnd"] == listed["total_prize_vnd"]


def test_the_city_lines_wait_for_a_proposal_letter(seeded):  # noqa: F811
    """The City's Bằng khen lines are in no decision of the Board (they go to the City with
    a tờ trình); every proposal with a granted line is decided; the publication is closed."""
    decision = Decision.objects.get(state=DecisionState.SIGNED)
    assert decision.signer.username == "lanhdao"
    states = set(Proposal.objects.filter(round__year=2019).values_list("state", flat=True))
    assert states == {ProposalState.DECIDED}
    city = ProposalLine.objects.filter(code="provincial_certificate_of_commendation")
    assert city.count() == 3 and not Award.objects.filter(proposal_line__in=city).exists()
    assert Publication.objects.get().state == PublicationState.CLOSED


def test_the_fund_paid_the_decision(seeded):  # noqa: F811
    """The 2020 fund shows the decision paid in full."""
    from tdkt.accounts.models import User

    summary = fund_summary(actor=User.objects.get(username="lanhdao"), year=2020)
    assert summary.committed > 0 and summary.outstanding == 0
    assert FundEntry.objects.count() == 2


def test_certificate_batch_prints_one_page_per_line(seeded, tmp_path):  # noqa: F811
    """The contract's certificates command prints the demo decision's batch."""
    from pypdf import PdfReader

    target = tmp_path / "gk.pdf"
    call_command("certificates", "render", "125", "--year", "2020", "--output", str(target))
    lines = Decision.objects.get(state=DecisionState.SIGNED).awards.count()
    assert len(PdfReader(target).pages) == lines


# The story, step by step: each step went through its service, as its person, and left its
# event in an audit trail that verifies. ---------------------------------------------------


def _steps(proposal: Proposal) -> list[tuple[str, str | None]]:
    return [
        (t.to_state, t.actor.username if t.actor else None)
        for t in proposal.transitions.select_related("actor").order_by("id")
    ]


def test_each_2019_proposal_went_through_every_step_as_its_people(seeded):  # noqa: F811
    """Submitted by the unit's own login, appraised and sent on by the officer, voted when the
    chair closed the session and decided when the leader signed."""
    from tdkt.demo.accounts import UNIT_WRITERS
    from tdkt.demo.board import UNITS

    writers = {u.name: UNIT_WRITERS[u.key] for u in UNITS if u.key in UNIT_WRITERS}
    proposals = Proposal.objects.filter(round__year=2019).select_related("organization")
    assert proposals.count() == 6
    for proposal in proposals:
        writer = writers[proposal.organization.name]
        assert proposal.created_by.username == writer
        assert _steps(proposal) == [
            (ProposalState.SUBMITTED, writer),
            (ProposalState.UNDER_APPRAISAL, "canbo.tdkt"),
            (ProposalState.AT_COUNCIL, "canbo.tdkt"),
            (ProposalState.VOTED, "lanhdao"),  # the chair closing the vote
            (ProposalState.PUBLISHED, "canbo.tdkt"),
            (ProposalState.DECIDED, "lanhdao"),  # the leader signing
        ]
        kinds = sorted(proposal.attachments.values_list("kind", flat=True))
        assert kinds == ["achievement_report", "proposal_letter", "review_minutes"]
        assert proposal.letter_number.endswith(f"/TTr-{proposal.organization.short_name}")


def test_the_dossier_files_are_pdfs_a_reader_opens(seeded):  # noqa: F811
    """The generated dossier files pass the upload checks and open as one-page PDFs."""
    from pypdf import PdfReader

    from tdkt.commendations.models import ProposalAttachment

    attachment = ProposalAttachment.objects.filter(proposal__round__year=2019).first()
    assert attachment.content_type == "application/pdf"
    with attachment.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert len(reader.pages) == 1
    assert "TTr-" in reader.pages[0].extract_text()


def test_one_line_was_found_ineligible_and_never_reached_the_council(seeded):  # noqa: F811
    """The officer's finding "không đủ điều kiện" with its coded reason keeps the line off the
    agenda and out of the decision."""
    from tdkt.commendations.models import SessionItem

    [line] = ProposalLine.objects.filter(proposal__round__year=2019, appraisal="ineligible")
    assert line.appraisal_reason == "dossier_incomplete" and line.appraisal_note
    assert not SessionItem.objects.filter(line=line).exists()
    assert not Award.objects.filter(proposal_line=line).exists()


def test_every_step_of_the_story_left_its_event_and_the_trail_verifies(seeded):  # noqa: F811
    """Round, proposals, dossier, appraisal, council, ballots, publication, decision, jobs and
    fund each left their events, by the people who acted, in a chain that verifies."""
    from tdkt.audit.models import AuditEvent
    from tdkt.audit.services import verify

    assert verify().ok
    events = AuditEvent.objects.select_related("actor")
    by_type: dict[str, set[str | None]] = {}
    for event_type, username in events.values_list("event_type", "actor__username"):
        by_type.setdefault(event_type, set()).add(username)
    expected = {
        "round.created": {"canbo.tdkt"},
        "round.closed": {"canbo.tdkt"},
        "proposal.lines_added": {"phochanh.vanphong", "truongphong.dautu", "giamdoc.trungtam"},
        "proposal.attachment_added": {"phophong.quyhoach", "truongphong.qldn"},
        "proposal.line_appraised": {"canbo.tdkt"},
        "council_session.attendance": {"canbo.tdkt"},
        "council_session.voting_opened": {"lanhdao"},
        "council_session.ballot_cast": {"lanhdao", "hoidong.yen", "hoidong.diep"},
        "council_session.voting_closed": {"lanhdao"},
        "publication.opened": {"canbo.tdkt"},
        "proposal_line.withdrawn": {"canbo.tdkt"},
        "decision.drafted": {"canbo.tdkt"},
        "decision.signed": {"lanhdao"},
        "job.started": {"canbo.tdkt"},
        "fund.entry_added": {"canbo.tdkt"},
    }
    for event_type, actors in expected.items():
        assert actors <= by_type.get(event_type, set()), event_type
    ballots = events.filter(event_type="council_session.ballot_cast")
    assert ballots.count() == 7  # 2019 only: nobody has voted in 2025 yet


def test_the_letter_and_certificates_were_started_as_background_jobs(seeded):  # noqa: F811
    """The officer's two jobs are queued; run by a worker they leave the tờ trình with the
    three Bằng khen lines and one certificate page per granted line, with the progress bar
    at its end."""
    from pypdf import PdfReader

    from tdkt.commendations import tasks
    from tdkt.core.jobs import job_file_path
    from tdkt.core.models import BackgroundJob, JobStatus

    jobs = {j.kind: j for j in BackgroundJob.objects.select_related("owner")}
    assert set(jobs) == {"letters.render", "certificates.render"}
    assert {j.owner.username for j in jobs.values()} == {"canbo.tdkt"}
    decision = Decision.objects.get(state=DecisionState.SIGNED)
    # The module's seeding never commits, so run the tasks as the worker would.
    tasks.render_certificate_batch.call(str(jobs["certificates.render"].uuid), str(decision.uuid))
    tasks.render_city_letter.call(
        str(jobs["letters.render"].uuid),
        str(decision.round.uuid),
        {
            "code": "provincial_certificate_of_commendation",
            "council_minutes": "BB 01",
            "signer_name": "Trần Minh Đức",
            "fmt": "pdf",
        },
    )
    certificates = BackgroundJob.objects.get(kind="certificates.render")
    granted = decision.awards.filter(status="granted").count()
    assert (certificates.status, certificates.done, certificates.total) == (
        JobStatus.SUCCEEDED,
        granted,
        granted,
    )
    assert len(PdfReader(job_file_path(certificates)).pages) == granted
    letter = BackgroundJob.objects.get(kind="letters.render")
    assert letter.status == JobStatus.SUCCEEDED
    text = "".join(p.extract_text() for p in PdfReader(job_file_path(letter)).pages)
    assert "TỜ TRÌNH" in text.upper() and "Bằng khen" in text


def test_the_demo_decision_renders_as_the_contract_says(seeded, tmp_path):  # noqa: F811
    """`tdkt decisions render` on the demo's 125/QĐ-BQL: the .docx opens with python-docx in
    A4 with the Decree 30 margins and Times New Roman; the PDF holds the Vietnamese text,
    every line of the list and the total in words, with its fonts embedded."""
    import docx
    from docx.shared import Mm

    from tests.documents.official.helpers import pdf_fonts, pdf_pages_text

    word, pdf = tmp_path / "qd.docx", tmp_path / "qd.pdf"
    for fmt, target in (("docx", word), ("pdf", pdf)):
        call_command(
            "decisions", "render", "125", "--year", "2020", "--format", fmt, "--output", target
        )
    document = docx.Document(str(word))
    section = document.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert 30 <= round(section.left_margin / Mm(1)) <= 35
    assert document.styles["Normal"].font.name == "Times New Roman"
    data = pdf.read_bytes()
    text = " ".join("\n".join(pdf_pages_text(data)).split())
    decision = Decision.objects.get(state=DecisionState.SIGNED)
    for snippet in ("Số: 125/QĐ-BQL", "Hà Nội, ngày 10 tháng 01 năm 2020", "QUYẾT ĐỊNH"):
        assert snippet in text
    for award in decision.awards.all():
        assert award.recipient_name in text
    assert "Bằng chữ: Mười ba triệu bốn trăm bốn mươi nghìn đồng" in text
    fonts = pdf_fonts(data)
    assert fonts and all(font["embedded"] for font in fonts.values())
