"""Generate a city-sized registry for the registry benchmark, seeded and cached.

The shape of the Hanoi Board at city scale: one Board with its departments and centres
(a few hundred civil servants), about 1,100 enterprises in ten industrial zones whose sizes
follow a long tail (a few employ 5,000–9,000 people, most fewer than 100), 170,000 people in
all with Vietnamese names in their real frequencies (Nguyễn ≈ 38 %), a valid CCCD each, a
current post and for some a past one. Every row carries what the services would have written
(folded search key, and whatever ``registry_keys`` adds), and every person has their
``person.created`` audit event, written through ``record_many`` so the chain is valid; a tail
of recent updates spread over the registry plays the last days' work. One civil servant has a
long history (40 posts, 200 changes).

Organisations, zones, blocks and accounts go through the real services (they are few); people
are written in bulk, their derived fields computed by the same helpers the services use
(``registry_keys.person_fields``).

The data is cached: a SQLite file ``bench/data/registry-<people>-<seed>-<fingerprint>.sqlite3``,
or with ``TDKT_BENCH_DATABASE_URL`` a PostgreSQL database named ``<database>_registry_bench``
holding the same fingerprint in ``bench_registry_meta``. The fingerprint covers this file and
the migrations, so a schema change rebuilds the data. Delete the file or drop the database to
force a rebuild.
"""

from __future__ import annotations

import hashlib
import random
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "data"
SRC = BENCH.parent / "src" / "tdkt"
BATCH = 5_000

FAMILY = [
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 71),
    ("Hoàng", 31),
    ("Huỳnh", 20),
    ("Phan", 45),
    ("Vũ", 25),
    ("Võ", 14),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đào", 6),
    ("Đinh", 6),
    ("Trịnh", 5),
    ("Lương", 4),
    ("Mai", 3),
    ("Tạ", 3),
    ("Kiều", 2),
    ("Âu", 1),
]
MIDDLE_M = ["Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân", "Tiến", "Công", "Thanh", "Ngọc", "Mạnh"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Thùy", "Kim", "Lan"]
GIVEN_M = [
    "Anh",
    "Dũng",
    "Hùng",
    "Đức",
    "Tuấn",
    "Nam",
    "Long",
    "Hải",
    "Sơn",
    "Minh",
    "Thắng",
    "Cường",
    "Quân",
    "Hiếu",
    "Trung",
    "Phong",
    "Khánh",
    "Bình",
    "Toàn",
    "Việt",
    "Lâm",
    "Ánh",
    "Đạt",
    "Tùng",
]
GIVEN_F = [
    "Anh",
    "Hương",
    "Linh",
    "Trang",
    "Hà",
    "Lan",
    "Mai",
    "Hoa",
    "Ngọc",
    "Thảo",
    "Huyền",
    "Hằng",
    "Nhung",
    "Phương",
    "Yến",
    "Dung",
    "Thủy",
    "Ánh",
    "Quỳnh",
    "Vân",
    "Giang",
    "Hạnh",
    "Loan",
    "Oanh",
]
FOREIGN = ["Tanaka Hiroshi", "Kim Min Jun", "Park Ji Hoon", "Chen Wei", "Suzuki Kenji"]
ZONES = [
    "Thăng Long",
    "Nội Bài",
    "Bắc Thăng Long",
    "Quang Minh",
    "Thạch Thất – Quốc Oai",
    "Phú Nghĩa",
    "Nam Thăng Long",
    "Hà Nội – Đài Tư",
    "Sài Đồng B",
    "Công nghệ cao Hòa Lạc",
]
DEPARTMENTS = [
    ("Văn phòng Ban", "department", 40),
    ("Phòng Quản lý Đầu tư", "department", 35),
    ("Phòng Quy hoạch và Xây dựng", "department", 30),
    ("Phòng Quản lý Doanh nghiệp", "department", 30),
    ("Phòng Quản lý Lao động", "department", 28),
    ("Phòng Tài nguyên và Môi trường", "department", 25),
    ("Phòng Kế hoạch – Tổng hợp", "department", 22),
    ("Thanh tra Ban", "department", 18),
    ("Trung tâm Dịch vụ hỗ trợ doanh nghiệp", "public_service_unit", 45),
    ("Văn phòng đại diện tại khu công nghệ cao Hòa Lạc", "representative_office", 12),
]
TRADES = [
    "Điện tử",
    "Cơ khí",
    "May mặc",
    "Thực phẩm",
    "Bao bì",
    "Nhựa",
    "Linh kiện",
    "Dược phẩm",
    "Quang học",
    "Thép",
    "Phần mềm",
    "Ô tô",
]
BRANDS = [
    "Ánh Dương",
    "Đông Á",
    "Hoàng Long",
    "Sao Việt",
    "Tân Phát",
    "Hòa Bình",
    "Kim Sơn",
    "Bình Minh",
    "Thái Hà",
    "Phú Thịnh",
    "Đại Việt",
    "Minh Đức",
    "Sakura",
    "Hanshin",
    "Daesung",
    "Everbright",
]
COUNTRIES = ["JP", "KR", "CN", "SG", "TW", "US", "DE"]


@dataclass(frozen=True)
class Size:
    """What one generated registry holds."""

    people: int
    seed: int

    @property
    def enterprises(self) -> int:
        """About one enterprise per 150 people (1,133 at city scale)."""
        return max(5, self.people // 150)


@dataclass
class Registry:
    """Handles of the generated registry that the benchmark drives."""

    officer: Any
    unit_head: Any
    enterprise_rep: Any
    long_history_uuid: str
    deep_cursor_person_uuid: str
    people: int
    enterprise_people: int
    unit_people: int


def fingerprint(size: Size) -> str:
    """Return a short hash of the generator and every migration: a new schema, new data."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    keys = BENCH / "registry_keys.py"
    if keys.exists():
        digest.update(keys.read_bytes())
    for migration in sorted(SRC.glob("*/migrations/0*.py")):
        digest.update(migration.name.encode())
        digest.update(migration.read_bytes())
    digest.update(f"{size.people}/{size.seed}".encode())
    return digest.hexdigest()[:12]


def sqlite_path(size: Size) -> Path:
    """Return the cached SQLite file of a size."""
    return DATA / f"registry-{size.people}-{size.seed}-{fingerprint(size)}.sqlite3"


def _weighted(rnd: random.Random, pairs: list[tuple[str, int]]) -> Iterator[str]:
    names = [n for n, _ in pairs]
    weights = [w for _, w in pairs]
    while True:
        yield from rnd.choices(names, weights, k=1000)


def person_name(rnd: random.Random, family: Iterator[str], female: bool) -> str:
    """Return a Vietnamese full name: family, one or two middle names, given name."""
    middle = rnd.choice(MIDDLE_F if female else MIDDLE_M)
    if rnd.random() < 0.15:
        middle = f"{middle} {rnd.choice(MIDDLE_F if female else MIDDLE_M)}"
    given = rnd.choice(GIVEN_F if female else GIVEN_M)
    return f"{next(family)} {middle} {given}"


def enterprise_sizes(rnd: random.Random, total: int, count: int) -> list[int]:
    """Split ``total`` people over ``count`` enterprises with a long tail (largest first)."""
    raw = sorted((rnd.lognormvariate(3.6, 1.3) for _ in range(count)), reverse=True)
    raw[0] = max(raw[0], sum(raw) * 0.05)  # one very large employer (≈ 5 % of the zones)
    scale = total / sum(raw)
    sizes = [max(1, int(r * scale)) for r in raw]
    sizes[-1] += total - sum(sizes)
    if sizes[-1] < 1:
        sizes[0] += sizes[-1] - 1
        sizes[-1] = 1
    return sizes


def citizen_id(serial: int, born: date, female: bool) -> str:
    """Return a valid Hanoi CCCD (province 001) for the birth year, sex and a serial."""
    digit = (0 if born.year < 2000 else 2) + (1 if female else 0)
    return f"001{digit}{born.year % 100:02d}{serial:06d}"


def build(size: Size, log: Any = print) -> Registry:
    """Fill the (migrated, empty) default database with the registry of ``size``."""
    from django.db import transaction
    from django.utils import timezone

    from registry_keys import employment_rows, person_fields
    from tdkt.accounts.constants import Role
    from tdkt.accounts.services import user_create
    from tdkt.audit.constants import AuditEventType
    from tdkt.audit.services import PendingEvent, record_many
    from tdkt.organizations.constants import (
        GroupKind,
        InvestmentType,
        OrganizationKind,
        PersonnelCategory,
    )
    from tdkt.organizations.models import Organization, Person
    from tdkt.organizations.services import (
        group_create,
        group_members_set,
        organization_create,
        zone_create,
    )

    rnd = random.Random(size.seed)
    today = timezone.localdate()
    started = time.perf_counter()
    officer = user_create(
        actor=None, username="bench.canbo", password=None, role=Role.EMULATION_OFFICER
    )
    zones = [zone_create(actor=officer, name=f"Khu công nghiệp {name}") for name in ZONES]
    board = organization_create(
        actor=officer,
        name="Ban Quản lý các khu công nghiệp và chế xuất Hà Nội",
        short_name="BQL",
        kind=OrganizationKind.BOARD,
    )
    units: list[tuple[Organization, int]] = []
    for name, kind, staff in DEPARTMENTS:
        unit = organization_create(actor=officer, name=name, kind=kind, parent=board)
        units.append((unit, staff))
    enterprise_people = size.people - sum(staff for _, staff in units)
    sizes = enterprise_sizes(rnd, enterprise_people, size.enterprises)
    tax_codes = rnd.sample(range(100_000_000, 999_999_999), len(sizes))
    for number, (staff, tax) in enumerate(zip(sizes, tax_codes, strict=True), start=1):
        fdi = rnd.random() < 0.6
        name = f"Công ty TNHH {rnd.choice(TRADES)} {rnd.choice(BRANDS)} số {number}"
        org = organization_create(
            actor=officer,
            name=name,
            kind=OrganizationKind.ENTERPRISE,
            parent=board,
            enterprise={
                "tax_code": f"0{tax}",
                "investment_type": InvestmentType.FDI if fdi else InvestmentType.DDI,
                "investor_country": rnd.choice(COUNTRIES) if fdi else "",
                "zone": rnd.choice(zones),
            },
        )
        units.append((org, staff))
    log(f"  {len(units):,} organisations in {time.perf_counter() - started:.1f} s")

    for number in range(5):
        group = group_create(
            actor=officer,
            name=f"Khối thi đua doanh nghiệp số {number + 1}",
            kind=GroupKind.BLOCK,
        )
        members = [org for org, _ in rnd.sample(units[10:], 12)]
        group_members_set(actor=officer, group=group, year=today.year, members=members)

    family = _weighted(rnd, FAMILY)
    ids = random.Random(size.seed + 1)  # public ids: their own stream, the data stays the same
    serial = 0
    unit_of_person: list[Organization] = []
    batch: list[tuple[Person, Organization, date, Organization | None]] = []
    created = 0

    def flush() -> None:
        nonlocal created
        with transaction.atomic():
            people = Person.objects.bulk_create([p for p, *_ in batch], batch_size=1000)
            employment_rows([(p, *rest) for p, (_, *rest) in zip(people, batch, strict=True)])
            record_many(
                [
                    PendingEvent(
                        AuditEventType.PERSON_CREATED,
                        officer,
                        person,
                        {"full_name": [None, person.full_name]},
                    )
                    for person in people
                ]
            )
        created += len(batch)
        batch.clear()

    others = [org for org, _ in units]
    for org, staff in units:
        board_unit = org.kind != OrganizationKind.ENTERPRISE
        for _ in range(staff):
            female = rnd.random() < 0.55
            foreigner = not board_unit and rnd.random() < 0.01
            name = rnd.choice(FOREIGN) if foreigner else person_name(rnd, family, female)
            born = date(rnd.randint(1965, 2005), rnd.randint(1, 12), rnd.randint(1, 28))
            serial += 1
            category = (
                rnd.choice([PersonnelCategory.CIVIL_SERVANT, PersonnelCategory.PUBLIC_EMPLOYEE])
                if board_unit
                else PersonnelCategory.FOREIGNER
                if foreigner
                else PersonnelCategory.ENTERPRISE_WORKER
            )
            person = Person(
                gender="female" if female else "male",
                date_of_birth=born,
                citizen_id=None if foreigner else citizen_id(serial, born, female),
                nationality="JP" if foreigner else "VN",
                category=category,
                phone=f"09{rnd.randint(10_000_000, 99_999_999)}",
                **person_fields(name, uuid.UUID(int=ids.getrandbits(128), version=4)),
            )
            start = today - timedelta(days=rnd.randint(30, 7000))
            previous = rnd.choice(others) if rnd.random() < 0.15 else None
            batch.append((person, org, start, previous))
            unit_of_person.append(org)
            if len(batch) >= BATCH:
                flush()
    flush()
    elapsed = time.perf_counter() - started
    log(f"  {created:,} people with posts and audit events in {elapsed:.1f} s")

    long_history = _long_history(officer, [org for org, _ in units[:10]], rnd)
    _recent_changes(officer, rnd, size.people)
    log(f"  long history and recent changes in {time.perf_counter() - started:.1f} s")

    unit, unit_staff = units[1]
    largest, largest_staff = units[10]
    unit_head = user_create(
        actor=None,
        username="bench.truongphong",
        password=None,
        role=Role.UNIT_HEAD,
        organization=unit,
    )
    enterprise_rep = user_create(
        actor=None,
        username="bench.doanhnghiep",
        password=None,
        role=Role.ENTERPRISE_REPRESENTATIVE,
        organization=largest,
    )
    deep = Person.objects.order_by(*Person._meta.ordering)[size.people * 4 // 5]
    return Registry(
        officer=officer,
        unit_head=unit_head,
        enterprise_rep=enterprise_rep,
        long_history_uuid=str(long_history.uuid),
        deep_cursor_person_uuid=str(deep.uuid),
        people=size.people,
        enterprise_people=largest_staff,
        unit_people=unit_staff,
    )


def _long_history(officer: Any, units: list[Any], rnd: random.Random) -> Any:
    """A civil servant moved 40 times between the Board's units, changed 200 times."""
    from tdkt.organizations.constants import PersonnelCategory
    from tdkt.organizations.services import employment_add, person_create, person_update

    start = date(1990, 1, 1)
    person = person_create(
        actor=officer,
        full_name="Nguyễn Thị Lịch Sử",
        category=PersonnelCategory.CIVIL_SERVANT,
        organization=units[0],
        start_date=start,
        gender="female",
        date_of_birth=date(1968, 3, 8),
    )
    for move in range(1, 40):
        employment_add(
            actor=officer,
            person=person,
            organization=units[move % len(units)],
            start_date=start + timedelta(days=250 * move),
            position=rnd.choice(["Chuyên viên", "Phó trưởng phòng", "Trưởng phòng"]),
        )
    for change in range(160):
        person_update(actor=officer, person=person, phone=f"0912{change:06d}")
    return person


def _recent_changes(officer: Any, rnd: random.Random, people: int) -> None:
    """The last days' work: 3,000 changes to people picked over the whole registry."""
    from django.db import transaction

    from tdkt.audit.constants import AuditEventType
    from tdkt.audit.services import PendingEvent, record_many
    from tdkt.organizations.models import Person

    ids = sorted(rnd.sample(range(1, people + 1), 3000))
    picked = list(Person.objects.filter(pk__in=ids))
    rnd.shuffle(picked)
    events = []
    for n, person in enumerate(picked):
        before, person.phone = person.phone, f"0988{n:06d}"
        events.append(
            PendingEvent(
                AuditEventType.PERSON_UPDATED, officer, person, {"phone": [before, person.phone]}
            )
        )
    with transaction.atomic():
        Person.objects.bulk_update(picked, ["phone"], batch_size=1000)
        record_many(events)
