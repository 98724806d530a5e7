"""People import: all-or-nothing, idempotent, scoped to the actor's units."""

from __future__ import annotations

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import PermissionDeniedError
from tdkt.documents.services import import_run
from tdkt.organizations.models import Employment, Person

from .helpers import PEOPLE_HEADERS, is_write, person_row, xlsx

pytestmark = pytest.mark.django_db


def _run(actor, rows, **kwargs):
    return import_run(
        actor=actor,
        importer="people",
        data=xlsx(PEOPLE_HEADERS, rows),
        filename="nhan-su.xlsx",
        **kwargs,
    )


def _state():
    return (
        list(Person.objects.order_by("pk").values_list("full_name", "citizen_id", "email")),
        list(
            Employment.objects.order_by("pk").values_list(
                "person_id", "organization_id", "end_date"
            )
        ),
    )


def test_valid_file_creates_people_with_posts_and_audit(registry):
    """A valid file adds each person with their post and records who imported it."""
    rows = [
        person_row(),
        person_row(
            **{
                "Họ và tên": "Đỗ Văn Bình",
                "Giới tính": "Nam",
                "Ngày sinh": "05/09/1988",
                "Số CCCD": "001088007777",
                "Đơn vị": "Phòng Quy hoạch và Xây dựng",
                "Email": "",
            }
        ),
    ]
    result = _run(registry.officer, rows)

    assert result.ok, result.errors
    assert (result.created, result.updated) == (2, 0)
    mai = Person.objects.get(citizen_id="001190004321")
    assert mai.full_name == "Phạm Thị Mai"
    assert mai.gender == "female"
    assert mai.employments.get().organization == registry.investment
    binh = Person.objects.get(citizen_id="001088007777")
    assert binh.employments.get().organization == registry.planning
    assert AuditEvent.objects.filter(event_type=AuditEventType.PERSON_CREATED).count() == 5
    event = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_COMPLETED)
    assert event.actor == registry.officer
    assert event.changes["created"] == [None, 2]
    assert event.changes["file"] == [None, "nhan-su.xlsx"]


def test_three_bad_rows_change_nothing_and_are_all_reported(registry):
    """Bad CCCD, unknown unit and 31/02/2020 are all reported by row and column; no row is
    written, not even the valid one, and the rejection is audited."""
    before = _state()
    rows = [
        person_row(),  # row 2: valid
        person_row(**{"Họ và tên": "Sai Số", "Số CCCD": "12345"}),  # row 3
        person_row(**{"Số CCCD": "001190001111", "Ngày sinh": "", "Đơn vị": "Phòng Không Có"}),
        person_row(**{"Số CCCD": "001190002222", "Ngày sinh": "", "Từ ngày": "31/02/2020"}),
    ]
    result = _run(registry.officer, rows)

    assert not result.ok
    found = {(e.row, e.column, e.value) for e in result.errors}
    assert found == {
        (3, "Số CCCD", "12345"),
        (4, "Đơn vị", "Phòng Không Có"),
        (5, "Từ ngày", "31/02/2020"),
    }
    messages = {e.row: e.message for e in result.errors}
    assert "12 chữ số" in messages[3]
    assert "Không tìm thấy đơn vị" in messages[4]
    assert "31/02/2020 không tồn tại" in messages[5]
    assert (result.created, result.updated) == (0, 0)
    assert _state() == before
    rejected = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_REJECTED)
    assert rejected.changes["errors"] == [None, 3]
    assert not AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).exists()


def test_reimporting_the_same_file_changes_nothing(registry):
    """The second run of the same file creates and updates nothing."""
    rows = [
        person_row(),
        person_row(
            **{"Họ và tên": "Trịnh Văn Hải", "Số CCCD": "", "Giới tính": "Nam", "Email": ""}
        ),
    ]
    first = _run(registry.officer, rows)
    state = _state()
    second = _run(registry.officer, rows)

    assert (first.created, first.updated) == (2, 0)
    assert second.ok
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert _state() == state


def test_changed_cells_update_the_person_and_a_new_unit_is_a_transfer(registry):
    """Same CCCD = same person: changed fields are updated and a new unit closes the old
    post the day before the new one starts."""
    row = person_row(
        **{
            "Họ và tên": "Nguyễn Văn Ánh",
            "Giới tính": "Nam",
            "Ngày sinh": "17/05/1985",
            "Số CCCD": "001085012345",
            "Đơn vị": "Phòng Quy hoạch và Xây dựng",
            "Từ ngày": "01/01/2024",
            "Chức vụ": "Phó Trưởng phòng",
            "Email": "anh.nv@example.vn",
        }
    )
    result = _run(registry.officer, [row])

    assert result.ok, result.errors
    assert (result.created, result.updated) == (0, 1)
    anh = Person.objects.get(pk=registry.anh.pk)
    assert anh.email == "anh.nv@example.vn"
    posts = list(anh.employments.order_by("start_date"))
    assert [p.organization for p in posts] == [registry.investment, registry.planning]
    assert str(posts[0].end_date) == "2023-12-31"
    assert posts[1].position == "Phó Trưởng phòng"
    assert AuditEvent.objects.filter(event_type=AuditEventType.EMPLOYMENT_ADDED).exists()


def test_duplicate_cccd_in_the_file_is_an_error_on_both_rows(registry):
    """Two rows with one CCCD are both reported, each naming the other row."""
    result = _run(registry.officer, [person_row(), person_row(**{"Họ và tên": "Người Khác"})])

    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(2, "Số CCCD"), (3, "Số CCCD")]
    assert "dòng 3" in result.errors[0].message
    assert not Person.objects.filter(citizen_id="001190004321").exists()


def test_a_service_refusal_rolls_back_every_row_and_names_its_row(registry):
    """A transfer that starts before the current post is refused by the service; the valid
    row before it is rolled back too and the error points at the refused row."""
    rows = [
        person_row(),
        person_row(
            **{
                "Họ và tên": "Nguyễn Văn Ánh",
                "Giới tính": "Nam",
                "Ngày sinh": "17/05/1985",
                "Số CCCD": "001085012345",
                "Email": "",
                "Đơn vị": "Phòng Quy hoạch và Xây dựng",
                "Từ ngày": "01/01/2010",
            }
        ),
    ]
    before = _state()
    result = _run(registry.officer, rows)

    assert not result.ok
    assert [e.row for e in result.errors] == [3]
    assert "Trùng thời gian" in result.errors[0].message
    assert _state() == before
    assert (result.created, result.updated) == (0, 0)


def test_unit_head_importing_into_another_unit_gets_row_errors(registry):
    """The head of the investment department cannot import people into planning: the row
    is refused and nothing, not even their own unit's row, is written."""
    before = _state()
    rows = [
        person_row(),
        person_row(
            **{
                "Số CCCD": "001088007777",
                "Họ và tên": "Đỗ Văn Bình",
                "Giới tính": "Nam",
                "Ngày sinh": "05/09/1988",
                "Đơn vị": "Phòng Quy hoạch và Xây dựng",
            }
        ),
    ]
    result = _run(registry.investment_head, rows)

    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, "Đơn vị")]
    assert _state() == before


def test_unit_head_imports_people_into_their_own_unit(registry):
    """With the same setup, the head's own unit's row is imported."""
    result = _run(registry.investment_head, [person_row()])

    assert result.ok, result.errors
    person = Person.objects.get(citizen_id="001190004321")
    assert person.employments.get().organization == registry.investment


def test_viewer_may_not_import_at_all(registry):
    """A read-only user is refused before the file is read and nothing is written."""
    before = _state()
    with pytest.raises(PermissionDeniedError):
        _run(registry.viewer, [person_row()])
    assert _state() == before


def test_dry_run_reports_exact_counts_writes_nothing_and_is_audited_once(registry):
    """A dry run counts what the import would do (one new person, Ánh unchanged) without
    writing a row, and records one ``import.checked`` event with those counts (issue #7: dry
    runs were a silent way to probe the registry)."""
    anh = person_row(
        **{
            "Họ và tên": "Nguyễn Văn Ánh",
            "Giới tính": "Nam",
            "Ngày sinh": "17/05/1985",
            "Số CCCD": "001085012345",
            "Từ ngày": "01/03/2015",
            "Email": "",
            "Điện thoại": "",
        }
    )
    before = _state()
    events = AuditEvent.objects.count()
    result = _run(registry.officer, [person_row(), anh], dry_run=True)

    assert result.ok and result.dry_run
    assert (result.created, result.updated, result.unchanged) == (1, 0, 1)
    assert _state() == before
    assert AuditEvent.objects.count() == events + 1
    checked = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_CHECKED)
    assert checked.actor == registry.officer
    assert checked.changes["created"] == [None, 1] and checked.changes["unchanged"] == [None, 1]
    assert checked.changes["dry_run"] == [None, True]


def test_a_rejected_dry_run_is_audited_with_its_error_count(registry):
    """A dry run of a bad file is recorded too, with the number of errors it found."""
    result = _run(registry.officer, [person_row(**{"Số CCCD": "123"})], dry_run=True)

    assert not result.ok
    checked = AuditEvent.objects.get(event_type=AuditEventType.IMPORT_CHECKED)
    assert checked.changes["errors"] == [None, 1]
    assert not AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_REJECTED).exists()


def test_excel_dates_and_numeric_cccd_are_understood(registry):
    """Real Excel dates are accepted; a CCCD typed as a number loses its leading zeros in
    Excel, and the error says how to fix it."""
    import datetime

    ok = _run(
        registry.officer,
        [
            person_row(
                **{
                    "Ngày sinh": datetime.date(1990, 3, 12),
                    "Từ ngày": datetime.date(2021, 2, 1),
                }
            )
        ],
    )
    assert ok.ok, ok.errors
    assert str(Person.objects.get(citizen_id="001190004321").date_of_birth) == "1990-03-12"

    bad = _run(registry.officer, [person_row(**{"Số CCCD": 1190009999})])
    assert [e.column for e in bad.errors] == ["Số CCCD"]
    assert "Văn bản" in bad.errors[0].message


def test_same_name_and_unit_twice_without_cccd_is_an_error_on_both_rows(registry):
    """Without a CCCD, two rows with one name in one unit would be the same person twice;
    both rows are reported and nobody is added."""
    row = person_row(**{"Số CCCD": ""})
    result = _run(registry.officer, [row, row])

    assert [(e.row, e.column) for e in result.sorted_errors()] == [
        (2, "Họ và tên"),
        (3, "Họ và tên"),
    ]
    assert not Person.objects.filter(full_name="Phạm Thị Mai").exists()


def test_a_phone_like_abc_and_a_phone_typed_as_a_number_are_errors(registry):
    """ "abc" is refused on its cell; a phone Excel turned into a number (leading 0 lost) is
    refused with advice to format the column as Text; "0912 345 678" is fine."""
    rows = [
        person_row(**{"Điện thoại": "abc"}),
        person_row(**{"Số CCCD": "001190001111", "Ngày sinh": "", "Điện thoại": 912345678}),
        person_row(**{"Số CCCD": "001190002222", "Ngày sinh": "", "Điện thoại": "0912 345 678"}),
    ]
    result = _run(registry.officer, rows)

    assert [(e.row, e.column) for e in result.errors] == [(2, "Điện thoại"), (3, "Điện thoại")]
    assert "8–15 chữ số" in result.errors[0].message
    assert "Văn bản" in result.errors[1].message


def test_a_dry_run_writes_nothing_but_its_own_audit_event(registry):
    """Checking a file never writes a registry row, even briefly: the only statements that
    change anything are those appending its ``import.checked`` event."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = _run(registry.officer, [person_row()], dry_run=True)

    assert result.ok and result.created == 1
    writes = [q["sql"] for q in captured.captured_queries if is_write(q["sql"])]
    assert writes, "the dry run is audited"
    assert all("audit_" in sql for sql in writes), writes
