"""Writing a movement: validation, permissions, conflicts, plan files, criteria, deadlines."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from tdkt.movements.constants import MovementKind
from tdkt.movements.services import (
    criterion_add,
    criterion_remove,
    criterion_update,
    deadline_add,
    deadline_remove,
    movement_create,
    movement_plan_file_set,
    movement_update,
)
from tdkt.movements.storage import plan_storage
from tdkt.movements.workflow import movement_transition

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes(*, macro: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        if macro:
            archive.writestr("word/vbaProject.bin", b"\x00")
    return out.getvalue()


def create(registry, **changes):
    data = {
        "actor": registry.officer,
        "code": "VHCS-2019",
        "name": "Cán bộ thi đua thực hiện văn hóa công sở",
        "kind": MovementKind.REGULAR,
        "starts_on": date(2019, 1, 1),
        "ends_on": date(2019, 12, 31),
    }
    return movement_create(**{**data, **changes})


def test_create_is_audited_with_readable_values(registry):
    """The creation event lists the fields; a relayed movement is named, not numbered."""
    city = create(registry, code="TP-2019", name="Thi đua yêu nước của Thành phố năm 2019")
    movement = create(registry, higher_movement=city, plan_number="136/KH-BQL")
    event = AuditEvent.objects.get(
        event_type=AuditEventType.MOVEMENT_CREATED, object_id=str(movement.uuid)
    )
    assert event.changes["code"] == [None, "VHCS-2019"]
    assert event.changes["higher_movement"] == [None, "Thi đua yêu nước của Thành phố năm 2019"]
    assert event.changes["plan_number"] == [None, "136/KH-BQL"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "có dấu cách"}, "code"),
        ({"name": "  "}, "name"),
        ({"plan_number": "KH 163"}, "plan_number"),
        ({"ends_on": date(2018, 12, 31)}, "ends_on"),
        ({"ends_on": date(2020, 3, 31)}, "ends_on"),  # a regular movement stays in its year
        ({"kind": MovementKind.FIVE_YEAR, "ends_on": date(2021, 12, 31)}, "ends_on"),
        ({"kind": "weekly"}, "kind"),
    ],
)
def test_invalid_movements_are_refused_with_the_field_named(registry, changes, field):
    """Each invalid value names its field in Vietnamese, and nothing is written."""
    with pytest.raises(ApplicationError) as caught:
        create(registry, **changes)
    assert field in caught.value.fields
    assert not AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_CREATED).exists()


def test_codes_are_unique_whatever_the_case(registry):
    create(registry)
    with pytest.raises(ApplicationError, match="Đã có phong trào mang mã này"):
        create(registry, code="vhcs-2019")


def test_a_five_year_movement_spans_five_years_and_document_numbers_follow_decree_30(registry):
    """2016–2020 is five years; "08-CTr/TU" and "724/BQL-VPĐD" are valid numbers."""
    movement = create(
        registry,
        code="CCHC-1620",
        kind=MovementKind.FIVE_YEAR,
        starts_on=date(2016, 1, 1),
        ends_on=date(2020, 12, 31),
        plan_number="08-CTr/TU",
    )
    updated = movement_update(actor=registry.officer, movement=movement, plan_number="724/BQL-VPĐD")
    assert updated.plan_number == "724/BQL-VPĐD"


def test_only_officers_write_movements(registry):
    """Unit heads, leaders, council members and viewers are refused before any check."""
    for actor in (registry.investment_head, registry.leader, registry.council, registry.viewer):
        with pytest.raises(PermissionDeniedError):
            create(registry, actor=actor, code="")


def test_update_changes_only_the_given_fields_and_refuses_a_stale_form(registry):
    movement = create(registry)
    seen = movement.version
    movement_update(actor=registry.officer, movement=movement, slogan="Kỷ cương, văn minh")
    movement.refresh_from_db()
    assert (movement.slogan, movement.name) == (
        "Kỷ cương, văn minh",
        "Cán bộ thi đua thực hiện văn hóa công sở",
    )
    with pytest.raises(ConflictError):
        movement_update(
            actor=registry.admin, movement=movement, slogan="Khác", expected_version=seen
        )
    movement.refresh_from_db()
    assert movement.slogan == "Kỷ cương, văn minh"


def test_a_movement_cannot_relay_itself_through_another(registry):
    city = create(registry, code="TP-2019")
    ours = create(registry, higher_movement=city)
    with pytest.raises(ApplicationError, match="không hưởng ứng chính nó"):
        movement_update(actor=registry.officer, movement=city, higher_movement=ours)


def test_a_closed_movement_is_final(w, django_capture_on_commit_callbacks):
    o = w.r.officer
    with django_capture_on_commit_callbacks(execute=True):
        movement_transition(actor=o, movement=w.movement, to_state="launched")
    movement_transition(actor=o, movement=w.movement, to_state="under_review")
    movement_transition(actor=o, movement=w.movement, to_state="closed")
    with pytest.raises(ConflictError, match="đã kết thúc"):
        movement_update(actor=o, movement=w.movement, slogan="Muộn")
    with pytest.raises(ConflictError, match="đã kết thúc"):
        criterion_add(actor=o, movement=w.movement, text="Muộn", max_points=1)


def stored_files() -> set[str]:
    root = Path(plan_storage().location)
    return {str(p) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_plan_files_pdf_and_docx_are_kept_privately_and_replaced(
    registry, django_capture_on_commit_callbacks
):
    """A PDF is stored under a random name with its hash; a new .docx replaces it and the old
    file goes after the commit; the original names are only in the row."""
    movement = create(registry, plan_file=("Kế hoạch 163.pdf", PDF))
    assert movement.plan_file_name == "Kế hoạch 163.pdf"
    assert movement.plan_file_type == "application/pdf"
    assert "163" not in movement.plan_file.name
    with movement.plan_file.open("rb") as stored:
        assert stored.read() == PDF
    first = movement.plan_file.name
    with django_capture_on_commit_callbacks(execute=True):
        replaced = movement_plan_file_set(
            actor=registry.officer, movement=movement, name="ke-hoach.docx", data=docx_bytes()
        )
    assert replaced.plan_file_name == "ke-hoach.docx"
    assert replaced.plan_file.name != first
    assert not plan_storage().exists(first)
    assert plan_storage().exists(replaced.plan_file.name)
    event = (
        AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_PLAN_FILE_SET)
        .order_by("seq")
        .last()
    )
    assert event is not None
    assert event.changes["plan_file_name"] == ["Kế hoạch 163.pdf", "ke-hoach.docx"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ke-hoach.pdf", b"", "Tệp rỗng"),
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word cũ"),
        ("ke-hoach.docx", docx_bytes(macro=True), "PDF hoặc Word"),
        ("ke-hoach.exe", b"MZ\x90\x00", "PDF hoặc Word"),
        ("ke-hoach.docx", PDF, "Đuôi tệp không khớp"),
    ],
)
def test_plan_files_of_other_types_are_refused_and_nothing_is_created(
    registry, name, data, message
):
    """A refused file leaves no movement and no file behind (one transaction)."""
    before = stored_files()
    with pytest.raises(ApplicationError, match=message):
        create(registry, plan_file=(name, data))
    assert not AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_CREATED).exists()
    assert stored_files() == before


def test_plan_files_over_the_limit_are_refused(registry, settings):
    settings.TDKT_PLAN_FILE_MAX_BYTES = 100
    with pytest.raises(ApplicationError, match="quá lớn"):
        create(registry, plan_file=("a.pdf", PDF + b"x" * 200))


def test_criteria_validate_their_scale_and_data_source(w):
    o = w.r.officer
    with pytest.raises(ApplicationError) as caught:
        criterion_add(actor=o, movement=w.movement, text="X", max_points=0)
    assert "max_points" in caught.value.fields
    with pytest.raises(ApplicationError) as caught:
        criterion_add(actor=o, movement=w.movement, text="X", max_points=5, source="indicator")
    assert "indicator_code" in caught.value.fields
    linked = criterion_add(
        actor=o,
        movement=w.movement,
        text="Doanh thu đạt kế hoạch",
        max_points="20",
        source="indicator",
        indicator_code="doanh_thu",
    )
    assert (linked.position, linked.max_points, linked.indicator_code) == (
        3,
        Decimal("20.00"),
        "doanh_thu",
    )
    manual = criterion_update(actor=o, criterion=linked, source="manual")
    assert manual.indicator_code == ""


def test_a_criterion_with_scores_is_kept_and_its_maximum_not_lowered_below_them(
    w, django_capture_on_commit_callbacks
):
    from tdkt.movements.services import ScoreInput, movement_scores_set

    o = w.r.officer
    with django_capture_on_commit_callbacks(execute=True):
        movement_transition(actor=o, movement=w.movement, to_state="launched")
    movement_scores_set(
        actor=o,
        movement=w.movement,
        organization=w.r.investment,
        scores=[ScoreInput(criterion=w.safety, points=Decimal(9))],
    )
    with pytest.raises(ApplicationError, match="cao hơn điểm tối đa mới"):
        criterion_update(actor=o, criterion=w.safety, max_points=8)
    with pytest.raises(ConflictError, match="đã có điểm"):
        criterion_remove(actor=o, criterion=w.safety)
    criterion_remove(actor=o, criterion=w.reform)
    assert list(w.movement.criteria.values_list("text", flat=True)) == ["Bếp ăn an toàn"]


def test_deadlines_are_added_and_removed_with_their_kind_in_words(w):
    o = w.r.officer
    deadline = deadline_add(
        actor=o,
        movement=w.movement,
        kind="interim_report",
        title="Gửi báo cáo sơ kết 6 tháng",
        due_on=date(2019, 6, 28),
    )
    event = AuditEvent.objects.filter(event_type=AuditEventType.MOVEMENT_DEADLINE_ADDED).get()
    assert event.changes["deadline_kind"] == [None, "Gửi báo cáo sơ kết"]
    with pytest.raises(ApplicationError):
        deadline_add(actor=o, movement=w.movement, kind="x", title="", due_on=date(2019, 1, 1))
    deadline_remove(actor=o, deadline=deadline)
    assert not w.movement.deadlines.exists()
