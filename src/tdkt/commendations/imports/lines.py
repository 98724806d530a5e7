"""Import the lines of one proposal from a spreadsheet (from the proposal's page).

Not registered with the import framework's list: the importer is built for one proposal,
whose round fixes the accepted codes and whose unit the people must work in today.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.commendations.constants import RecipientKind
from tdkt.commendations.imports.common import (
    BIRTH_DATE,
    CITIZEN_ID,
    FULL_NAME,
    RECIPIENT_KIND,
    BatchImporter,
    Plan,
    RecipientFinder,
)
from tdkt.commendations.models import Proposal
from tdkt.commendations.permissions import ensure_can_edit_proposal
from tdkt.commendations.services.archive import CREATED, UNCHANGED, RecordResult
from tdkt.commendations.services.proposals import LineInput, proposal_lines_add
from tdkt.documents.importing import Column, Row
from tdkt.documents.importing.columns import choice, text
from tdkt.rules.codes import COLLECTIVE, INDIVIDUAL, applies_to
from tdkt.rules.labels import CODE_LABELS


class ProposalLineImporter(BatchImporter):
    """Candidates of one proposal: recipient, title or form, achievement summary."""

    name = "proposal_lines"
    title = gettext_lazy("Danh sách đề nghị khen thưởng")
    description = gettext_lazy(
        "Người, tập thể được đề nghị: tìm cá nhân theo số CCCD, hoặc họ tên + ngày sinh (đang "
        "công tác tại đơn vị); tập thể theo tên. Dòng đã có trong danh sách được bỏ qua."
    )
    template_sheet_title = "Danh sách đề nghị"
    field_columns = {"code": "code", "achievement": "achievement"}

    def __init__(self, proposal: Proposal) -> None:
        self.proposal = proposal

    def check_permission(self, actor: Any) -> None:
        """Only the unit's writers, and only while the proposal is being prepared."""
        ensure_can_edit_proposal(actor, self.proposal)

    def validate(self, *, actor: Any, rows: Sequence[Row]) -> list[Any]:
        """Find each recipient among the unit's people and sub-units; check the code fits."""
        finder = RecipientFinder(actor, rows)
        unit = self.proposal.organization
        plans = []
        for row in rows:
            if row.get("kind") == RecipientKind.COLLECTIVE:
                person, organization = None, finder.collective(row)
                if organization is not None and not organization.path.startswith(unit.path):
                    row.error("full_name", _("Tập thể này không thuộc đơn vị đề nghị."))
            else:
                person, organization = finder.person(row, default_unit=unit), None
            kind = COLLECTIVE if organization is not None else INDIVIDUAL
            code = row.get("code")
            if code and (person or organization) and not applies_to(code, kind):
                row.error("code", _("Danh hiệu, hình thức không phù hợp với đối tượng."))
            entry = None
            if not row.has_errors and (person or organization):
                entry = LineInput(
                    person=person,
                    organization=organization,
                    code=code,
                    achievement=row.get("achievement") or "",
                )
            plans.append(Plan(row, entry))
        return plans

    def write(self, *, actor: Any, entries: Sequence[Any]) -> RecordResult:
        _proposal, added = proposal_lines_add(
            actor=actor,
            round=self.proposal.round,
            organization=self.proposal.organization,
            lines=entries,
        )
        return RecordResult([CREATED] * added + [UNCHANGED] * (len(entries) - added))


def line_importer(proposal: Proposal) -> ProposalLineImporter:
    """Return the importer of ``proposal``'s lines (its codes are the round's)."""
    options = tuple(
        (code, CODE_LABELS["vi"].get(code, code)) for code in proposal.round.accepted_codes
    )
    columns = (
        RECIPIENT_KIND,
        FULL_NAME,
        CITIZEN_ID,
        BIRTH_DATE,
        Column(
            "code",
            "Danh hiệu, hình thức",
            True,
            choice(options),
            gettext_lazy("Một trong các danh hiệu, hình thức đợt xét nhận."),
            options[0][1] if options else "",
            options=options,
        ),
        Column(
            "achievement",
            "Tóm tắt thành tích",
            False,
            text(4000),
            gettext_lazy("Không bắt buộc."),
            "Hoàn thành xuất sắc nhiệm vụ năm",
        ),
    )
    importer_class = type(
        "RoundLineImporter", (ProposalLineImporter,), {"columns": columns, "__module__": __name__}
    )
    importer: ProposalLineImporter = importer_class(proposal)
    return importer
