"""Imports of the archive and of a proposal's lines: all or nothing, row-level Vietnamese errors,
people found by CCCD or by name, date of birth and unit, ambiguity reported."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection, transaction

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.commendations.imports.common import BATCH, born_and_named
from tdkt.commendations.imports.lines import line_importer
from tdkt.commendations.models import Award, Discipline, Initiative, YearlyRating
from tdkt.core.errors import PermissionDeniedError
from tdkt.core.text import fold
from tdkt.documents.services import import_run
from tdkt.documents.template_builder import build_template
from tdkt.documents.xlsx import read_table
from tdkt.organizations.constants import PersonnelCategory
from tdkt.organizations.selectors import person_list
from tdkt.organizations.services import person_create
from tests.documents.helpers import xlsx

pytestmark = pytest.mark.django_db

AWARD_HEADERS = [
    "Đối tượng",
    "Họ và tên",
    "Số CCCD",
    "Ngày sinh",
    "Đơn vị",
    "Danh hiệu, hình thức",
    "Năm thành tích",
    "Số quyết định",
    "Ngày quyết định",
    "Tiền thưởng (đồng)",
]


def _award_row(**values):
    row = {
        "Đối tượng": "Cá nhân",
        "Họ và tên": "Nguyễn Văn Ánh",
        "Số CCCD": "001085012345",
        "Ngày sinh": None,
        "Đơn vị": None,
        "Danh hiệu, hình thức": "Lao động tiên tiến",
        "Năm thành tích": 2018,
        "Số quyết định": "12/QĐ-BQL",
        "Ngày quyết định": "10/01/2019",
        "Tiền thưởng (đồng)": "390.000",
    }
    row.update(values)
    return [row[h] for h in AWARD_HEADERS]


def _run(actor, importer, rows, headers=AWARD_HEADERS, dry_run=False):
    return import_run(
        actor=actor,
        importer=importer,
        data=xlsx(headers, rows),
        filename="file.xlsx",
        dry_run=dry_run,
    )


def _errors(result):
    return [(e.row, e.column, e.message) for e in result.sorted_errors()]


def test_historical_awards_import_by_cccd_and_by_name_birth_date_and_unit(registry):
    """Ánh by CCCD; Đức (no CCCD) by name + birth date + unit; a collective by its name.
    Every row becomes an award, each audited, and the import once more changes nothing."""
    from tdkt.organizations.services import person_update

    person_update(actor=registry.officer, person=registry.duc, date_of_birth=date(1980, 4, 2))
    rows = [
        _award_row(),
        _award_row(
            **{
                "Họ và tên": "tran minh duc",
                "Số CCCD": None,
                "Ngày sinh": "02/04/1980",
                "Đơn vị": "Phòng Quy hoạch và Xây dựng",
                "Danh hiệu, hình thức": "Giấy khen",
            }
        ),
        _award_row(
            **{
                "Đối tượng": "Tập thể",
                "Họ và tên": "Phòng Quản lý Đầu tư",
                "Số CCCD": None,
                "Danh hiệu, hình thức": "advanced_collective",
                "Số quyết định": "13/QĐ-BQL",
                "Tiền thưởng (đồng)": None,
            }
        ),
    ]
    result = _run(registry.officer, "awards", rows)
    assert result.ok, _errors(result)
    assert (result.created, result.unchanged) == (3, 0)
    anh = Award.objects.get(person=registry.anh)
    assert (anh.code, anh.year, anh.prize_vnd, anh.decision_date) == (
        "advanced_worker",
        2018,
        390_000,
        date(2019, 1, 10),
    )
    assert Award.objects.get(person=registry.duc).code == "certificate_of_merit"
    assert Award.objects.get(organization=registry.investment).code == "advanced_collective"
    assert AuditEvent.objects.filter(event_type=AuditEventType.AWARD_RECORDED).count() == 3
    again = _run(registry.officer, "awards", rows)
    assert (again.created, again.unchanged) == (0, 3)
    assert Award.objects.count() == 3


def test_one_bad_row_rejects_the_whole_file_with_row_level_messages(registry):
    """A good row and four bad ones: nothing is written, each problem is on its cell."""
    rows = [
        _award_row(),
        _award_row(**{"Số CCCD": "001085099999"}),
        _award_row(**{"Họ và tên": "Lê Văn Khác"}),
        _award_row(**{"Số quyết định": "quyết định 12"}),
        _award_row(**{"Danh hiệu, hình thức": "Tập thể lao động tiên tiến"}),
    ]
    result = _run(registry.officer, "awards", rows)
    assert not result.ok and not Award.objects.exists()
    errors = _errors(result)
    assert (
        3,
        "Số CCCD",
        "Không tìm thấy cá nhân có số CCCD này trong phạm vi bạn quản lý.",
    ) in errors
    assert any(r == 4 and c == "Họ và tên" and "không khớp" in m for r, c, m in errors)
    assert any(r == 5 and c == "Số quyết định" and "số/ký hiệu" in m for r, c, m in errors)
    assert any(r == 6 and c == "Danh hiệu, hình thức" and "cá nhân" in m for r, c, m in errors)
    assert AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_REJECTED).count() == 1


def test_two_people_with_the_same_name_birth_date_and_unit_need_a_cccd(registry):
    """Matching by name is refused when it is ambiguous, and says how to fix it."""
    for _ in range(2):
        person_create(
            actor=registry.officer,
            full_name="Hoàng Thị Lan",
            category=PersonnelCategory.CIVIL_SERVANT,
            organization=registry.investment,
            start_date=date(2016, 1, 4),
            date_of_birth=date(1990, 1, 1),
        )
    row = _award_row(
        **{
            "Họ và tên": "Hoàng Thị Lan",
            "Số CCCD": None,
            "Ngày sinh": "01/01/1990",
            "Đơn vị": "Phòng Quản lý Đầu tư",
        }
    )
    result = _run(registry.officer, "awards", [row])
    assert _errors(result) == [
        (
            2,
            "Họ và tên",
            "Có 2 người cùng họ tên, ngày sinh và đơn vị: hãy ghi số CCCD để phân biệt.",
        )
    ]


def _person(registry, name, born):
    return person_create(
        actor=registry.officer,
        full_name=name,
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=registry.investment,
        start_date=date(2016, 1, 4),
        date_of_birth=born,
    )


def test_a_namesake_born_on_another_rows_date_is_not_a_second_match(registry):
    """Two rows without CCCD: Lan born 01/01/1990 and Bình born 02/02/1991. Another Lan, born
    on Bình's date, works in the same unit: each row still finds exactly its own person."""
    lan = _person(registry, "Hoàng Thị Lan", date(1990, 1, 1))
    binh = _person(registry, "Trần Văn Bình", date(1991, 2, 2))
    _person(registry, "Hoàng Thị Lan", date(1991, 2, 2))
    rows = [
        _award_row(
            **{
                "Họ và tên": name,
                "Số CCCD": None,
                "Ngày sinh": born,
                "Đơn vị": "Phòng Quản lý Đầu tư",
            }
        )
        for name, born in [("Hoàng Thị Lan", "01/01/1990"), ("Trần Văn Bình", "02/02/1991")]
    ]
    result = _run(registry.officer, "awards", rows)
    assert result.ok, _errors(result)
    assert set(Award.objects.values_list("person", flat=True)) == {lan.pk, binh.pk}


def test_a_full_batch_of_pairs_finds_exactly_the_people_of_its_pairs(registry):
    """A whole batch of pairs runs on both databases and answers only exact pairs: Lan is
    found by her own date, not by another pair's date nor by Đức's name with her date."""
    lan = _person(registry, "Hoàng Thị Lan", date(1990, 1, 1))
    other_dates = [
        (date(1950, 1, 1) + timedelta(days=n), fold("Hoàng Thị Lan")) for n in range(BATCH - 2)
    ]
    pairs = [(date(1990, 1, 1), fold("Hoàng Thị Lan")), (date(1990, 1, 1), fold("Trần Minh Đức"))]
    query = born_and_named(person_list(actor=registry.officer), [*pairs, *other_dates])
    assert list(query) == [lan]
    assert list(born_and_named(person_list(actor=registry.officer), [])) == []


def test_people_without_cccd_are_read_through_the_birth_date_and_name_index(registry):
    """The database plans the candidates' query (one batch of an officer's import) as a search
    of the index person_birth_name on both columns, not a scan of the person table.

    On a table this small PostgreSQL finds every plan about as cheap: it prefers a scan, and
    with scans forbidden it may as well read the name column out of another index that holds
    it. The test asks only whether person_birth_name can serve the query, so it forbids scans
    and, inside a savepoint that is rolled back, drops the person table's other indexes."""
    pairs = [(date(1990, 1, 1), fold("Hoàng Thị Lan")), (date(1980, 4, 2), fold("Trần Minh Đức"))]
    query = born_and_named(person_list(actor=registry.officer), pairs)
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'organizations_person'"
                    " AND indexname <> 'person_birth_name'"
                    " AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%%'"
                )
                for (name,) in cursor.fetchall():
                    cursor.execute(f'DROP INDEX "{name}"')
            plan = query.explain()
            transaction.set_rollback(True)
        assert "person_birth_name" in plan and "date_of_birth" in plan, plan
        assert "Index Cond" in plan and "Seq Scan" not in plan, plan
    else:
        plan = query.explain()
        assert "USING INDEX person_birth_name (date_of_birth=? AND search_key=?)" in plan, plan


def test_without_cccd_the_birth_date_and_unit_are_required(registry):
    """A name alone does not identify a person."""
    result = _run(registry.officer, "awards", [_award_row(**{"Số CCCD": None})])
    assert _errors(result) == [
        (
            2,
            "Số CCCD",
            "Không có số CCCD: cần ghi cả ngày sinh và đơn vị để xác định đúng người.",
        )
    ]


def test_the_same_award_twice_in_a_file_is_reported_on_both_rows(registry):
    """Duplicates inside one file are errors on each row."""
    result = _run(registry.officer, "awards", [_award_row(), _award_row()])
    assert [(r, m) for r, _c, m in _errors(result)] == [
        (2, "Trùng khen thưởng với dòng 3."),
        (3, "Trùng khen thưởng với dòng 2."),
    ]


def test_only_officers_import_awards(registry):
    """A unit head may not add awards to the archive, even for their own people."""
    with pytest.raises(PermissionDeniedError):
        _run(registry.investment_head, "awards", [_award_row()])


RATING_HEADERS = ["Đối tượng", "Họ và tên", "Số CCCD", "Năm", "Mức độ hoàn thành nhiệm vụ"]


def test_a_unit_head_imports_ratings_of_their_own_people_only(registry):
    """Their own person is rated; a person of another unit is "not found in your scope" and
    the file is rejected as a whole."""
    own = ["Cá nhân", "Nguyễn Văn Ánh", "001085012345", 2019, "Hoàn thành xuất sắc nhiệm vụ"]
    result = _run(registry.investment_head, "ratings", [own], RATING_HEADERS)
    assert result.ok, _errors(result)
    assert YearlyRating.objects.get().rating == "excellent"
    changed = [*own[:4], "Hoàn thành tốt nhiệm vụ"]
    result = _run(registry.investment_head, "ratings", [changed], RATING_HEADERS)
    assert (result.updated, YearlyRating.objects.get().rating) == (1, "good")
    other = ["Tập thể", "Phòng Quy hoạch và Xây dựng", None, 2019, "Hoàn thành nhiệm vụ"]
    result = _run(registry.investment_head, "ratings", [own, other], RATING_HEADERS)
    assert not result.ok
    assert _errors(result)[0][:2] == (3, "Họ và tên")
    assert YearlyRating.objects.count() == 1


def test_initiatives_and_disciplines_import(registry):
    """Both importers find the person and write every row."""
    initiative = _run(
        registry.officer,
        "initiatives",
        [["Nguyễn Văn Ánh", "001085012345", "Số hoá hồ sơ đầu tư", 2019, "Cấp cơ sở"]],
        ["Họ và tên", "Số CCCD", "Tên sáng kiến, đề tài", "Năm công nhận", "Phạm vi ảnh hưởng"],
    )
    discipline = _run(
        registry.officer,
        "disciplines",
        [["Nguyễn Văn Ánh", "001085012345", 2020, "Khiển trách", "3/QĐ-BQL"]],
        ["Họ và tên", "Số CCCD", "Năm", "Hình thức kỷ luật", "Số quyết định"],
    )
    assert initiative.ok and discipline.ok, _errors(initiative) + _errors(discipline)
    assert Initiative.objects.get().scope == "grassroots"
    assert Discipline.objects.get().level == "reprimand"


def test_the_templates_list_the_columns_and_the_award_codes(registry):
    """The downloadable template has the headers the importer reads back."""
    from tdkt.documents.importing import get_importer

    table = read_table(build_template(get_importer("awards")), filename="mau.xlsx")
    assert table.headers[:3] == ["Đối tượng*", "Họ và tên*", "Số CCCD"]
    assert "Danh hiệu, hình thức*" in table.headers


LINE_HEADERS = ["Đối tượng", "Họ và tên", "Số CCCD", "Ngày sinh", "Danh hiệu, hình thức"]


def test_a_proposals_lines_import_finds_people_of_the_unit(registry, proposal):
    """By CCCD, or by name and birth date among the unit's people; codes are the round's;
    a line already there counts as unchanged."""
    rows = [
        ["Cá nhân", "Nguyễn Văn Ánh", "001085012345", None, "Lao động tiên tiến"],
        ["Cá nhân", "Nguyễn Văn Ánh", None, "17/05/1985", "Giấy khen"],
        ["Tập thể", "Phòng Quản lý Đầu tư", None, None, "Tập thể lao động tiên tiến"],
    ]
    result = _run(registry.investment_head, line_importer(proposal), rows, LINE_HEADERS)
    assert result.ok, _errors(result)
    assert (result.created, result.unchanged) == (2, 1)
    assert sorted(proposal.lines.values_list("code", flat=True)) == [
        "advanced_collective",
        "advanced_worker",
        "certificate_of_merit",
    ]


def test_a_proposals_lines_import_refuses_codes_and_people_outside(registry, proposal):
    """A code the round does not take and a person of another unit are row errors."""
    rows = [
        ["Cá nhân", "Nguyễn Văn Ánh", "001085012345", None, "Chiến sĩ thi đua toàn quốc"],
        ["Tập thể", "Phòng Quy hoạch và Xây dựng", None, None, "Tập thể lao động tiên tiến"],
    ]
    result = _run(registry.investment_head, line_importer(proposal), rows, LINE_HEADERS)
    assert not result.ok and proposal.lines.count() == 1
    columns = {(r, c) for r, c, _m in _errors(result)}
    assert (2, "Danh hiệu, hình thức") in columns
    assert (3, "Họ và tên") in columns
