"""``tdkt import procedures``: headers, idempotence, working-day due dates, every error rule."""

from __future__ import annotations

from datetime import date

import pytest

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.core.errors import PermissionDeniedError
from tdkt.core.services import calendar_day_set
from tdkt.indicators.constants import Channel
from tdkt.indicators.models import ProcedureDossier, ProcedureField
from tdkt.indicators.services import procedures_import

from .helpers import DOSSIER_HEADERS, csv_bytes, dossier_file, dossier_row

pytestmark = pytest.mark.django_db


def _run(actor, rows=(), *, data=None, filename="ho-so.xlsx", dry_run=False):
    return procedures_import(
        actor=actor,
        data=data if data is not None else dossier_file(rows),
        filename=filename,
        dry_run=dry_run,
    )


def _errors(result):
    return [(e.row, e.column, e.value, e.message) for e in result.sorted_errors()]


def test_headers_match_without_case_accents_or_order_and_unknown_ones_warn(registry):
    """Shuffled, upper-case, unaccented headers are matched; an extra column is a warning."""
    headers = [
        "NGAY TIEP NHAN",
        "ma ho so",
        "Tên Thủ Tục",
        "HÌNH THỨC NỘP",
        "số ngày giải quyết",
        "Ghi chú",
    ]
    rows = [["05/11/2019", "HS-1", "Thủ tục A", "TRỰC TUYẾN", 10, "xem lại"]]

    result = _run(registry.officer, data=dossier_file(rows, headers))

    assert result.ok, result.errors
    assert result.warnings == ["Bỏ qua cột không dùng đến: “Ghi chú”."]
    dossier = ProcedureDossier.objects.get(code="HS-1")
    assert dossier.channel == Channel.ONLINE
    assert dossier.field is None and dossier.returned_on is None


def test_channels_are_matched_case_insensitively(registry):
    """ "TRỰC TUYẾN", "trực tiếp" and "Bưu chính" are the three channels."""
    rows = [
        dossier_row(**{"Mã hồ sơ": "A", "Hình thức nộp": "TRỰC TUYẾN"}),
        dossier_row(**{"Mã hồ sơ": "B", "Hình thức nộp": "trực tiếp"}),
        dossier_row(**{"Mã hồ sơ": "C", "Hình thức nộp": "Bưu chính"}),
    ]

    assert _run(registry.officer, rows).ok
    assert dict(ProcedureDossier.objects.values_list("code", "channel")) == {
        "A": Channel.ONLINE,
        "B": Channel.COUNTER,
        "C": Channel.POST,
    }


def test_reimport_is_idempotent_and_updates_a_dossier_by_its_code(registry):
    """The same file twice changes nothing; a later export with the result date updates the
    dossier in place, and the import event records that change."""
    pending = dossier_row(**{"Ngày trả kết quả": None})
    _run(registry.officer, [pending])
    again = _run(registry.officer, [pending])
    done = _run(registry.officer, [dossier_row(**{"Ngày trả kết quả": "12/11/2019"})])

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert (done.created, done.updated, done.unchanged) == (0, 1, 0)
    assert ProcedureDossier.objects.get().returned_on == date(2019, 11, 12)
    event = AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).first()
    assert event.changes["dossiers_changed"] == [
        None,
        {"HS-0001": {"returned_on": [None, "2019-11-12"]}},
    ]
    assert event.changes["updated"] == [None, 1]


def test_fields_are_one_row_whatever_the_spelling(registry):
    """ "Đầu tư", "ĐẦU TƯ" and "dau tu" are the same field, named as first written."""
    rows = [
        dossier_row(**{"Mã hồ sơ": "A", "Lĩnh vực": "Đầu tư"}),
        dossier_row(**{"Mã hồ sơ": "B", "Lĩnh vực": "ĐẦU TƯ"}),
        dossier_row(**{"Mã hồ sơ": "C", "Lĩnh vực": "dau tu"}),
    ]

    assert _run(registry.officer, rows).ok
    assert list(ProcedureField.objects.values_list("name", flat=True)) == ["Đầu tư"]
    assert ProcedureDossier.objects.filter(field__name="Đầu tư").count() == 3


def test_due_date_given_wins_over_the_number_of_days(registry):
    """With both columns, Ngày hẹn trả is the due date; the days are kept for reference."""
    _run(registry.officer, [dossier_row(**{"Ngày hẹn trả": "20/11/2019"})])

    dossier = ProcedureDossier.objects.get()
    assert (dossier.due_on, dossier.processing_days) == (date(2019, 11, 20), 10)


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        # Friday 1/2/2019, before Tết Kỷ Hợi (days off Mon 4 – Fri 8/2/2019): 5 working days
        # are 11–15/2.
        ("01/02/2019", 5, date(2019, 2, 15)),
        # Friday 24/1/2025: Tết Ất Tỵ runs from Saturday 25/1 to Sunday 2/2/2025.
        ("24/01/2025", 3, date(2025, 2, 5)),
        # Thursday 29/4/2021: 30/4 is a holiday and 1/5 fell on a Saturday, so Monday 3/5
        # was the day off in lieu.
        ("29/04/2021", 1, date(2021, 5, 4)),
        # Zero days: due the day it was received.
        ("05/11/2019", 0, date(2019, 11, 5)),
    ],
)
def test_due_date_is_the_nth_working_day_after_receipt(registry, received, days, due):
    """Without Ngày hẹn trả the due date skips weekends and public holidays, Tết included."""
    row = dossier_row(
        **{"Ngày tiếp nhận": received, "Số ngày giải quyết": days, "Ngày trả kết quả": None}
    )

    assert _run(registry.officer, [row]).ok
    assert ProcedureDossier.objects.get().due_on == due


def test_an_officer_announced_day_off_moves_the_due_date(registry):
    """A day off recorded by an officer (core.CalendarDay) is skipped like a holiday."""
    calendar_day_set(
        actor=registry.officer, day=date(2019, 11, 6), kind="day_off", note="Thông báo thử"
    )
    row = dossier_row(**{"Ngày tiếp nhận": "05/11/2019", "Số ngày giải quyết": 1})

    assert _run(registry.officer, [row]).ok
    assert ProcedureDossier.objects.get().due_on == date(2019, 11, 7)


def test_every_error_rule_is_reported_and_nothing_is_written(registry):
    """A result before receipt, a duplicate code, an unknown channel, an impossible date, no
    due date at all, a bad level or day count: every bad cell is reported, nothing written."""
    rows = [
        dossier_row(**{"Mã hồ sơ": "OK-1"}),
        dossier_row(**{"Mã hồ sơ": "E-1", "Ngày trả kết quả": "01/11/2019"}),
        dossier_row(**{"Mã hồ sơ": "E-2"}),
        dossier_row(**{"Mã hồ sơ": "E-2"}),
        dossier_row(**{"Mã hồ sơ": "E-3", "Hình thức nộp": "Qua điện thoại"}),
        dossier_row(**{"Mã hồ sơ": "E-4", "Ngày tiếp nhận": "31/02/2019"}),
        dossier_row(**{"Mã hồ sơ": "E-5", "Số ngày giải quyết": None}),
        dossier_row(**{"Mã hồ sơ": "E-6", "Mức độ": 5, "Số ngày giải quyết": "mười"}),
        dossier_row(**{"Mã hồ sơ": "E-7", "Ngày hẹn trả": "01/11/2019"}),
        dossier_row(**{"Mã hồ sơ": None, "Tên thủ tục": None}),
    ]

    result = _run(registry.officer, rows)

    duplicate = "Mã hồ sơ bị trùng trong tệp (dòng 4 và 5)."
    assert _errors(result) == [
        (3, "Ngày trả kết quả", "01/11/2019", "Ngày trả kết quả trước ngày tiếp nhận."),
        (4, "Mã hồ sơ", "E-2", duplicate),
        (5, "Mã hồ sơ", "E-2", duplicate),
        (
            6,
            "Hình thức nộp",
            "Qua điện thoại",
            "Hình thức nộp không hợp lệ; chọn một trong: Trực tuyến, Trực tiếp, Bưu chính.",
        ),
        (7, "Ngày tiếp nhận", "31/02/2019", "Ngày 31/02/2019 không tồn tại."),
        (8, "Ngày hẹn trả", "", "Cần Ngày hẹn trả hoặc Số ngày giải quyết."),
        (9, "Mức độ", "5", "Mức độ phải là 2, 3 hoặc 4 (4 = toàn trình)."),
        (9, "Số ngày giải quyết", "mười", "Số ngày giải quyết phải là số nguyên từ 0 đến 365."),
        (10, "Ngày hẹn trả", "01/11/2019", "Ngày hẹn trả trước ngày tiếp nhận."),
        (11, "Mã hồ sơ", "", "Bắt buộc nhập."),
        (11, "Tên thủ tục", "", "Bắt buộc nhập."),
    ]
    assert not ProcedureDossier.objects.exists()
    assert AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_REJECTED).count() == 1


def test_a_missing_required_column_rejects_the_file(registry):
    """Without "Hình thức nộp" the file is refused at the header row."""
    headers = [h for h in DOSSIER_HEADERS if h != "Hình thức nộp"]
    rows = [
        [v for h, v in zip(DOSSIER_HEADERS, dossier_row(), strict=True) if h != "Hình thức nộp"]
    ]

    result = _run(registry.officer, data=dossier_file(rows, headers))

    assert _errors(result) == [(1, "Hình thức nộp", "", "Thiếu cột bắt buộc.")]


def test_a_file_without_due_date_nor_days_columns_is_refused(registry):
    """One of the two columns must exist, or no dossier could have a due date."""
    headers = ["Mã hồ sơ", "Tên thủ tục", "Hình thức nộp", "Ngày tiếp nhận"]

    result = _run(
        registry.officer, data=dossier_file([["A", "B", "Trực tuyến", "05/11/2019"]], headers)
    )

    assert _errors(result) == [
        (1, "Ngày hẹn trả", "", "Tệp cần cột Ngày hẹn trả hoặc cột Số ngày giải quyết.")
    ]


def test_columns_missing_from_a_later_file_keep_their_stored_values(registry):
    """A later export without "Lĩnh vực" or "Ngày trả kết quả" leaves those values alone."""
    _run(registry.officer, [dossier_row()])
    headers = ["Mã hồ sơ", "Tên thủ tục", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả"]
    later = dossier_file(
        [
            [
                "HS-0001",
                "Cấp Giấy chứng nhận đăng ký đầu tư",
                "Trực tuyến",
                "05/11/2019",
                "19/11/2019",
            ]
        ],
        headers,
    )

    result = _run(registry.officer, data=later)

    assert (result.updated, result.unchanged) == (0, 1)
    dossier = ProcedureDossier.objects.get()
    assert dossier.field.name == "Đầu tư" and dossier.returned_on == date(2019, 11, 15)


def test_csv_export_in_utf8_is_accepted(registry):
    """The one-stop system's CSV export (UTF-8 with BOM) imports like a workbook."""
    data = csv_bytes(DOSSIER_HEADERS, [dossier_row(), dossier_row(**{"Mã hồ sơ": "HS-2"})])

    result = _run(registry.officer, data=data, filename="ho-so.csv")

    assert result.ok, result.errors
    assert ProcedureDossier.objects.count() == 2


def test_a_non_utf8_csv_is_refused_with_advice(registry):
    """A CSV saved in a Windows code page is refused before any row is read."""
    data = "Ma ho so,Ten thu tuc\nA,Th\xe9\n".encode("latin-1")

    result = _run(registry.officer, data=data, filename="ho-so.csv")

    assert _errors(result) == [
        (None, "", "", "Tệp CSV phải dùng bảng mã UTF-8 (trong Excel: Lưu dạng “CSV UTF-8”).")
    ]


@pytest.mark.parametrize("who", ["investment_head", "viewer", "leader"])
def test_only_board_wide_writers_may_import_dossiers(registry, who):
    """The Board's dossiers are imported by emulation officers and administrators only."""
    with pytest.raises(PermissionDeniedError):
        _run(getattr(registry, who), [dossier_row()])


def test_an_import_that_lands_meanwhile_is_matched_again_not_overwritten_blindly(registry):
    """If another import writes between matching and writing, the import matches again inside
    its lock: its counts and its audited "before" are the values it really replaced."""
    from tdkt.indicators.importing.procedures import ProcedureImporter

    _run(registry.officer, [dossier_row(**{"Ngày trả kết quả": None})])

    class Interrupted(ProcedureImporter):
        calls = 0

        def match(self, batch):
            Interrupted.calls += 1
            if Interrupted.calls == 1:  # another officer's import commits right now
                _run(registry.officer, [dossier_row(**{"Ngày trả kết quả": "08/11/2019"})])
            return super().match(batch)

    result = Interrupted().run(
        actor=registry.officer,
        data=dossier_file([dossier_row(**{"Ngày trả kết quả": "12/11/2019"})]),
        filename="muon.xlsx",
    )

    assert Interrupted.calls == 2
    assert (result.updated, result.unchanged) == (1, 0)
    assert ProcedureDossier.objects.get().returned_on == date(2019, 11, 12)
    event = AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED).first()
    assert event.changes["dossiers_changed"] == [
        None,
        {"HS-0001": {"returned_on": ["2019-11-08", "2019-11-12"]}},
    ]


def test_the_staging_table_is_dropped_after_an_import_accepted_or_not(registry):
    """Rows are staged in a temporary table per import; none is left behind."""
    from django.db import connection

    _run(registry.officer, [dossier_row()])
    _run(registry.officer, [dossier_row(**{"Hình thức nộp": "Fax"})])

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_temp_master WHERE name LIKE 'tdkt_stage_%'")
        else:
            cursor.execute("SELECT tablename FROM pg_tables WHERE tablename LIKE 'tdkt_stage_%%'")
        assert cursor.fetchall() == []
