"""``seed_demo`` loads a realistic Board through the services, once, and ``demo_logins`` shows it.

The demo data is seeded once per module inside a transaction that is rolled back at the end;
each test runs in its own savepoint on top of it, so tests stay independent.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import RequestFactory, override_settings

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import verify
from tdkt.core.errors import PermissionDeniedError
from tdkt.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from tdkt.demo.accounts import UNIT_WRITERS
from tdkt.demo.board import BOARD_NAME, UNITS
from tdkt.demo.enterprises import tax_check_digit
from tdkt.demo.people import demo_people
from tdkt.demo.services import demo_data_load
from tdkt.organizations.constants import (
    Currency,
    GroupKind,
    InvestmentType,
    OrganizationKind,
    PersonnelCategory,
    ZoneStatus,
)
from tdkt.organizations.models import (
    Employment,
    EmulationGroup,
    Enterprise,
    GroupLeadership,
    GroupMembership,
    IndustrialZone,
    Organization,
    Person,
)
from tdkt.organizations.validators import citizen_id_error, tax_code_error

ROW_MODELS = (
    IndustrialZone,
    Organization,
    Enterprise,
    Person,
    Employment,
    EmulationGroup,
    GroupMembership,
    GroupLeadership,
    User,
    AuditEvent,
)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run ``seed_demo`` once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def _board() -> Organization:
    return Organization.objects.get(name=BOARD_NAME, parent=None)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ROW_MODELS}


@pytest.mark.django_db
def test_seeding_reports_what_it_loaded(seeded):
    """The first run says it loaded data and counts enterprises and people."""
    assert "Demo data loaded" in seeded
    assert "enterprises 30" in seeded
    assert "people 150" in seeded


@pytest.mark.django_db
def test_nine_operating_zones_and_some_planned_ones(seeded):
    """Hanoi's nine operating zones exist with their districts; planned zones are marked so."""
    operating = IndustrialZone.objects.filter(status=ZoneStatus.OPERATING)
    names = set(operating.values_list("name", flat=True))
    assert len(names) == 9
    assert {"KCN Thăng Long", "KCN Nội Bài", "KCN Phú Nghĩa", "KCN Hà Nội – Đài Tư"} <= names
    assert operating.get(name="KCN Thăng Long").district == "Đông Anh"
    assert all(zone.area_ha and zone.area_ha > 0 for zone in operating)
    assert 4 <= IndustrialZone.objects.filter(status=ZoneStatus.PLANNED).count() <= 6


@pytest.mark.django_db
def test_board_tree_has_its_units(seeded):
    """The Board is a root with departments, the service centre and the representative office."""
    board = _board()
    assert board.short_name == "BQL"
    children = Organization.objects.filter(parent=board)
    kinds = {o.name: o.kind for o in children.exclude(kind=OrganizationKind.ENTERPRISE)}
    assert kinds["Phòng Quản lý Đầu tư"] == OrganizationKind.DEPARTMENT
    assert kinds["Văn phòng"] == OrganizationKind.DEPARTMENT
    assert kinds["Trung tâm Dịch vụ hỗ trợ doanh nghiệp"] == OrganizationKind.PUBLIC_SERVICE_UNIT
    assert OrganizationKind.REPRESENTATIVE_OFFICE in kinds.values()
    assert all(o.path.startswith(board.path) and o.depth == 1 for o in children)


@pytest.mark.django_db
def test_enterprises_have_valid_unique_tax_codes(seeded):
    """At least 25 enterprises under the Board, each with a well-formed, unique tax code."""
    board = _board()
    profiles = list(Enterprise.objects.select_related("organization", "zone"))
    assert len(profiles) >= 25
    codes = [p.tax_code for p in profiles]
    assert len(set(codes)) == len(codes)
    for profile in profiles:
        assert tax_code_error(profile.tax_code) is None
        assert tax_check_digit(profile.tax_code[:9]) == int(profile.tax_code[9])
        assert profile.organization.parent == board
        assert profile.zone.status == ZoneStatus.OPERATING
        if profile.investment_type == InvestmentType.FDI:
            assert profile.capital_currency == Currency.USD
            assert len(profile.investor_country) == 2
        else:
            assert profile.capital_currency == Currency.VND
    countries = {p.investor_country for p in profiles if p.investor_country}
    assert {"JP", "KR", "SG", "TW", "CN", "US", "DE"} <= countries


@pytest.mark.django_db
def test_people_have_citizen_ids_matching_birth_and_gender(seeded):
    """Every Vietnamese person has a CCCD consistent with them; foreigners have none."""
    people = list(Person.objects.all())
    assert len(people) >= 100
    for person in people:
        if person.category == PersonnelCategory.FOREIGNER:
            assert person.citizen_id is None
            assert person.nationality in {"JP", "KR"}
            continue
        error = citizen_id_error(
            person.citizen_id, date_of_birth=person.date_of_birth, gender=person.gender
        )
        assert error is None, (person.full_name, person.citizen_id, error)
    names = {p.full_name for p in people}
    assert {"Nguyễn Văn Ánh", "Trần Minh Đức", "Phạm Thị Đào"} <= names
    categories = {p.category for p in people}
    assert set(PersonnelCategory.values) <= categories


@pytest.mark.django_db
def test_transfers_show_in_employment_history(seeded):
    """People moved between units have a closed earlier post and one open current post."""
    anh = Person.objects.get(full_name="Nguyễn Văn Ánh")
    earlier, current = anh.employments.order_by("start_date")
    assert earlier.organization.name == "Phòng Quản lý Doanh nghiệp"
    assert earlier.end_date is not None and earlier.end_date < current.start_date
    assert current.organization.name == "Phòng Quản lý Đầu tư"
    assert current.end_date is None
    moved = Person.objects.filter(employments__end_date__isnull=False).distinct().count()
    assert moved >= 10


@pytest.mark.django_db
def test_red_river_delta_block_has_bac_ninh_leader_and_hanoi_deputy_for_2020(seeded):
    """The block from the article: members in 2019 and 2020, Bắc Ninh leads 2020, Hà Nội deputy."""
    block = EmulationGroup.objects.get(kind=GroupKind.BLOCK)
    assert "đồng bằng sông Hồng" in block.name
    assert block.organizer == "Bộ Kế hoạch và Đầu tư"
    board = _board()
    for year in (2019, 2020):
        members = Organization.objects.filter(
            group_memberships__group=block, group_memberships__year=year
        )
        assert members.count() == 11
        assert board in members
        assert all(m.kind == OrganizationKind.EXTERNAL_BODY for m in members if m != board)
    leadership = GroupLeadership.objects.get(group=block, year=2020)
    assert "Bắc Ninh" in leadership.leader.name
    assert leadership.leader.parent is None
    assert leadership.deputy == board


@pytest.mark.django_db
def test_hanoi_cluster_is_marked_illustrative(seeded):
    """The Hanoi cluster contains the Board and says in its name that it is illustrative."""
    cluster = EmulationGroup.objects.get(kind=GroupKind.CLUSTER)
    assert "minh hoạ" in cluster.name
    assert cluster.memberships.filter(organization=_board(), year=2020).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda a: a.username)
def test_each_demo_account_can_log_in(seeded, account):
    """Each demo login authenticates with the shared password and carries its role and unit."""
    request = RequestFactory().post("/login/")
    user = authenticate(request, username=account.username, password=DEMO_PASSWORD)
    assert user is not None
    assert user.role == account.role
    if account.person_name:
        assert user.person.full_name == account.person_name
    if account.role == Role.ENTERPRISE_REPRESENTATIVE:
        assert user.organization.kind == OrganizationKind.ENTERPRISE
    if account.role == Role.UNIT_HEAD:
        # A unit's head writes that unit's proposals (tdkt.demo.accounts.UNIT_WRITERS).
        unit = next(u for u in UNITS if UNIT_WRITERS.get(u.key) == account.username)
        assert user.organization.name == unit.name
    wrong = authenticate(
        RequestFactory().post("/login/"), username=account.username, password="Sai@2026!x"
    )
    assert wrong is None


@pytest.mark.django_db
def test_second_run_changes_nothing(seeded):
    """Running seed_demo again writes no row and no audit event, and says so."""
    before = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == before
    assert "nothing to do" in out.getvalue()


@pytest.mark.django_db
def test_audit_chain_verifies_with_one_demo_event(seeded):
    """Every seeded write is in the hash chain, which verifies, plus one demo-loaded summary."""
    result = verify()
    assert result.ok, result
    assert result.checked >= 250
    demo_events = AuditEvent.objects.filter(event_type=AuditEventType.DEMO_DATA_LOADED)
    assert demo_events.count() == 1
    assert demo_events.get().changes["created"][1]["people"] == 150


@pytest.mark.django_db
def test_only_an_administrator_may_load_demo_data(seeded):
    """A viewer is refused; the admin, on the same data, is allowed and finds nothing missing."""
    before = _counts()
    with pytest.raises(PermissionDeniedError):
        demo_data_load(actor=User.objects.get(username="xem"))
    report = demo_data_load(actor=User.objects.get(username="admin"))
    assert not report.loaded
    assert _counts() == before


@pytest.mark.django_db
def test_seed_refuses_production_settings(seeded):
    """With production settings the command stops, because the demo password is public."""
    with override_settings(SETTINGS_MODULE="tdkt.settings.prod"), pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())


@pytest.mark.django_db
def test_demo_logins_prints_url_accounts_and_password(seeded):
    """demo_logins shows the URL with the given port and every account with its role."""
    out = StringIO()
    call_command("demo_logins", "--port", "8765", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8765/" in text
    assert DEMO_PASSWORD in text
    for account in DEMO_ACCOUNTS:
        assert account.username in text
    assert "Cán bộ thi đua – khen thưởng" in text
    assert "Phòng Quản lý Đầu tư" in text
    assert "chưa có" not in text


def test_demo_people_are_the_same_on_every_run():
    """The generated people are deterministic, so look-ups by CCCD find them next time."""
    first, second = demo_people(), demo_people()
    assert first == second
    ids = [p.citizen_id for p in first if p.citizen_id]
    assert len(ids) == len(set(ids))
    assert any("Đ" in p.full_name or "đ" in p.full_name for p in first[6:])


@pytest.mark.django_db
def test_a_missing_piece_is_filled_in_and_audited(seeded):
    """When the 2020 leadership row is gone, the next run restores it and audits just that."""
    GroupLeadership.objects.filter(year=2020).delete()
    last_seq = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    leadership = GroupLeadership.objects.get(year=2020, group__kind=GroupKind.BLOCK)
    assert "Bắc Ninh" in leadership.leader.name
    new = list(
        AuditEvent.objects.filter(seq__gt=last_seq)
        .order_by("seq")
        .values_list("event_type", flat=True)
    )
    assert new == [AuditEventType.GROUP_LEADERSHIP_SET, AuditEventType.DEMO_DATA_LOADED]
    assert "group_leaderships 1" in out.getvalue()
    assert verify().ok


@pytest.mark.django_db
def test_demo_rows_are_written_by_the_system(seeded):
    """The seed runs as the system (actor=None): no demo account is named as their author."""
    registry_events = AuditEvent.objects.filter(
        event_type__in=[AuditEventType.ORGANIZATION_CREATED, AuditEventType.PERSON_CREATED]
    )
    assert registry_events.count() > 100
    assert set(registry_events.values_list("actor_id", "actor_label").distinct()) == {
        (None, "system")
    }
