"""About 150 synthetic people: Board staff by unit, enterprise workers and two foreigners.

Everything is drawn from a ``random.Random`` with a fixed seed, so every run (and every
machine) produces the same names, dates and CCCD numbers; that is what makes ``seed_demo``
idempotent, since people are looked up by CCCD. No Faker at runtime.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from tdkt.organizations.constants import Gender, PersonnelCategory

from .enterprises import ENTERPRISES

SEED = 20200326  # the date of the source article

_CADRE = PersonnelCategory.CADRE
_CIVIL = PersonnelCategory.CIVIL_SERVANT
_PUBLIC = PersonnelCategory.PUBLIC_EMPLOYEE
_WORKER = PersonnelCategory.WORKER
_ENT = PersonnelCategory.ENTERPRISE_WORKER
_FOREIGN = PersonnelCategory.FOREIGNER


@dataclass(frozen=True)
class PostSpec:
    """A period in an organisation (``org_key`` as in board.py), open-ended."""

    org_key: str
    position: str
    start_date: date


@dataclass(frozen=True)
class PersonSpec:
    """A person and their posts in order; all but the last were left by transfer."""

    full_name: str
    gender: str
    date_of_birth: date
    category: str
    posts: tuple[PostSpec, ...]
    citizen_id: str | None = None
    nationality: str = "VN"


# Surnames weighted roughly by frequency in northern Viet Nam.
_SURNAMES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 5), ("Đỗ", 4),
    ("Bùi", 4), ("Đặng", 3), ("Ngô", 3), ("Dương", 2), ("Đinh", 2), ("Đào", 2), ("Phan", 2),
    ("Trịnh", 2), ("Lương", 1), ("Tạ", 1), ("Chu", 1), ("Đoàn", 1), ("Lưu", 1), ("Hà", 1),
)  # fmt: skip
_MALE_MIDDLE = (
    "Văn", "Minh", "Đức", "Quang", "Hữu", "Thanh", "Tuấn", "Công", "Đình", "Xuân", "Ngọc",
    "Mạnh", "Trung", "Duy", "Hoàng", "Tiến", "Đăng",
)  # fmt: skip
_MALE_GIVEN = (
    "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Định", "Giang", "Hải", "Hiếu", "Hòa",
    "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong",
    "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt",
    "Vinh", "Đạo", "Hưng", "Lộc", "Thịnh",
)  # fmt: skip
_FEMALE_MIDDLE = (
    "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Phương", "Thùy", "Hồng", "Kim",
    "Bích", "Mai", "Diệu", "Hải", "Khánh",
)  # fmt: skip
_FEMALE_GIVEN = (
    "Anh", "Chi", "Dung", "Đào", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng",
    "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
    "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Điệp", "Đoan", "Ly",
)  # fmt: skip

# CCCD province codes (Circular 07/2016/TT-BCA): mostly Hà Nội (001), workers also from
# the neighbouring rural provinces the article says most IZ workers come from.
_HANOI = "001"
_RURAL = ("022", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040")

# Board staffing: (unit key, position, category, how many). The fixed people below fill
# the key posts (head of the Board, head of investment, chief of office, TĐKT officer).
_STAFFING: tuple[tuple[str, str, str, int], ...] = (
    ("board", "Phó Trưởng ban", _CADRE, 3),
    ("unit:office", "Phó Chánh Văn phòng", _CIVIL, 2),
    ("unit:office", "Chuyên viên", _CIVIL, 5),
    ("unit:office", "Kế toán", _CIVIL, 1),
    ("unit:office", "Văn thư", _CIVIL, 1),
    ("unit:office", "Lái xe", _WORKER, 2),
    ("unit:office", "Nhân viên bảo vệ", _WORKER, 1),
    ("unit:investment", "Phó Trưởng phòng", _CIVIL, 2),
    ("unit:investment", "Chuyên viên", _CIVIL, 6),
    ("unit:planning", "Trưởng phòng", _CIVIL, 1),
    ("unit:planning", "Phó Trưởng phòng", _CIVIL, 2),
    ("unit:planning", "Chuyên viên", _CIVIL, 7),
    ("unit:enterprise_affairs", "Trưởng phòng", _CIVIL, 1),
    ("unit:enterprise_affairs", "Phó Trưởng phòng", _CIVIL, 1),
    ("unit:enterprise_affairs", "Chuyên viên", _CIVIL, 7),
    ("unit:labour", "Trưởng phòng", _CIVIL, 1),
    ("unit:labour", "Phó Trưởng phòng", _CIVIL, 1),
    ("unit:labour", "Chuyên viên", _CIVIL, 7),
    ("unit:environment", "Trưởng phòng", _CIVIL, 1),
    ("unit:environment", "Phó Trưởng phòng", _CIVIL, 1),
    ("unit:environment", "Chuyên viên", _CIVIL, 7),
    ("unit:centre", "Giám đốc", _PUBLIC, 1),
    ("unit:centre", "Phó Giám đốc", _PUBLIC, 2),
    ("unit:centre", "Viên chức", _PUBLIC, 9),
    ("unit:centre", "Nhân viên hợp đồng", _WORKER, 2),
    ("unit:rep_office", "Trưởng Văn phòng đại diện", _CIVIL, 1),
    ("unit:rep_office", "Phó Trưởng Văn phòng đại diện", _CIVIL, 1),
    ("unit:rep_office", "Chuyên viên", _CIVIL, 4),
)
_BOARD_UNITS = tuple(sorted({row[0] for row in _STAFFING if row[0].startswith("unit:")}))
_WORKER_POSTS = ("Công nhân", "Công nhân", "Tổ trưởng sản xuất", "Kỹ sư", "Trưởng ca", "Nhân viên")


def _fixed_people() -> list[PersonSpec]:
    """People the demo accounts and the glossary examples point at (CCCDs filled in later)."""
    return [
        PersonSpec(
            "Trần Minh Đức",
            Gender.MALE,
            date(1972, 8, 14),
            _CADRE,
            (
                PostSpec("unit:investment", "Trưởng phòng", date(2008, 3, 1)),
                PostSpec("board", "Trưởng ban", date(2016, 6, 1)),
            ),
        ),
        PersonSpec(
            "Nguyễn Văn Ánh",
            Gender.MALE,
            date(1985, 5, 17),
            _CIVIL,
            (
                PostSpec("unit:enterprise_affairs", "Chuyên viên", date(2010, 9, 1)),
                PostSpec("unit:investment", "Trưởng phòng", date(2019, 7, 1)),
            ),
        ),
        PersonSpec(
            "Đỗ Thị Thu Hà",
            Gender.FEMALE,
            date(1978, 2, 9),
            _CIVIL,
            (PostSpec("unit:office", "Chánh Văn phòng", date(2012, 1, 3)),),
        ),
        PersonSpec(
            "Phạm Thị Đào",
            Gender.FEMALE,
            date(1990, 11, 2),
            _CIVIL,
            (PostSpec("unit:office", "Chuyên viên thi đua – khen thưởng", date(2014, 4, 1)),),
        ),
        PersonSpec(
            "Đinh Quang Đạt",
            Gender.MALE,
            date(1995, 6, 23),
            _CIVIL,
            (PostSpec("unit:investment", "Chuyên viên", date(2020, 2, 3)),),
        ),
        PersonSpec(
            "Vũ Thị Hằng",
            Gender.FEMALE,
            date(1988, 12, 5),
            _ENT,
            (PostSpec("ent:E01", "Trưởng phòng Hành chính – Nhân sự", date(2013, 5, 6)),),
        ),
    ]


def _foreigners() -> list[PersonSpec]:
    """Managers sent by the investors of two FDI enterprises (no CCCD)."""
    return [
        PersonSpec(
            "Tanaka Hiroshi",
            Gender.MALE,
            date(1970, 4, 18),
            _FOREIGN,
            (PostSpec("ent:E01", "Tổng Giám đốc", date(2017, 4, 1)),),
            nationality="JP",
        ),
        PersonSpec(
            "Park Ji-hoon",
            Gender.MALE,
            date(1976, 10, 7),
            _FOREIGN,
            (PostSpec("ent:E06", "Giám đốc nhà máy", date(2018, 9, 1)),),
            nationality="KR",
        ),
    ]


class _Generator:
    """Draws names, dates and CCCDs from one seeded random stream, never repeating one."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - demo data, not security
        self.names: set[str] = set()
        self.citizen_ids: set[str] = set()

    def name(self, gender: str) -> str:
        surnames = [s for s, _ in _SURNAMES]
        weights = [w for _, w in _SURNAMES]
        female = gender == Gender.FEMALE
        while True:
            surname = self.rng.choices(surnames, weights)[0]
            middle = self.rng.choice(_FEMALE_MIDDLE if female else _MALE_MIDDLE)
            given = self.rng.choice(_FEMALE_GIVEN if female else _MALE_GIVEN)
            full = f"{surname} {middle} {given}"
            if middle != given and full not in self.names:
                self.names.add(full)
                return full

    def birth_date(self, first_year: int, last_year: int) -> date:
        return date(
            self.rng.randint(first_year, last_year),
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
        )

    def day_in(self, first_year: int, last_year: int) -> date:
        return date(self.rng.randint(first_year, last_year), self.rng.randint(1, 12), 1)

    def citizen_id(self, person: PersonSpec, *, rural_share: float) -> str:
        """Return a CCCD matching the person's birth year and gender (digits 4 to 6)."""
        century = 0 if person.date_of_birth.year < 2000 else 2
        gender_digit = century + (1 if person.gender == Gender.FEMALE else 0)
        yy = person.date_of_birth.year % 100
        while True:
            province = self.rng.choice(_RURAL) if self.rng.random() < rural_share else _HANOI
            serial = self.rng.randint(0, 999_999)
            number = f"{province}{gender_digit}{yy:02d}{serial:06d}"
            if number not in self.citizen_ids:
                self.citizen_ids.add(number)
                return number


def _with_id(gen: _Generator, person: PersonSpec, rural_share: float) -> PersonSpec:
    return PersonSpec(
        person.full_name,
        person.gender,
        person.date_of_birth,
        person.category,
        person.posts,
        gen.citizen_id(person, rural_share=rural_share),
        person.nationality,
    )


def _staff(gen: _Generator) -> list[PersonSpec]:
    people = []
    slots = [(key, pos, cat) for key, pos, cat, count in _STAFFING for _ in range(count)]
    for n, (org_key, position, category) in enumerate(slots):
        gender = gen.rng.choice((Gender.MALE, Gender.FEMALE))
        senior = position.startswith(("Trưởng", "Phó", "Giám đốc"))
        dob = gen.birth_date(1966, 1982) if senior else gen.birth_date(1968, 1999)
        start = gen.day_in(max(dob.year + 23, 2004), 2024)
        posts: tuple[PostSpec, ...] = (PostSpec(org_key, position, start),)
        earliest = dob.year + 22
        # Every fifth person came from another unit of the Board: their history shows it.
        if n % 5 == 2 and start.year - 3 >= earliest and org_key.startswith("unit:"):
            before = gen.rng.choice([u for u in _BOARD_UNITS if u != org_key])
            first = gen.day_in(max(earliest, start.year - 8), start.year - 3)
            posts = (PostSpec(before, "Chuyên viên", first), *posts)
        person = PersonSpec(gen.name(gender), gender, dob, category, posts)
        people.append(_with_id(gen, person, rural_share=0.25))
    return people


def _workers(gen: _Generator) -> list[PersonSpec]:
    people = []
    for i, ent in enumerate(ENTERPRISES):
        for j in range(3 if i < 2 else 2):
            gender = gen.rng.choice((Gender.MALE, Gender.FEMALE))
            dob = gen.birth_date(1975, 2004)
            start = gen.day_in(max(dob.year + 18, 2010), 2025)
            posts: tuple[PostSpec, ...] = (
                PostSpec(f"ent:{ent.key}", gen.rng.choice(_WORKER_POSTS), start),
            )
            # Some workers moved between enterprises in the zones.
            if (i + j) % 9 == 4 and start.year - 2 >= dob.year + 18:
                other = ENTERPRISES[(i + 7) % len(ENTERPRISES)].key
                first = gen.day_in(max(dob.year + 18, start.year - 5), start.year - 2)
                posts = (PostSpec(f"ent:{other}", "Công nhân", first), *posts)
            person = PersonSpec(gen.name(gender), gender, dob, _ENT, posts)
            people.append(_with_id(gen, person, rural_share=0.6))
    return people


def demo_people(seed: int = SEED) -> list[PersonSpec]:
    """Return the demo people; the same list for the same seed, on every run."""
    gen = _Generator(seed)
    fixed = _fixed_people()
    gen.names.update(p.full_name for p in fixed)
    gen.names.update(p.full_name for p in _foreigners())
    people = [_with_id(gen, p, rural_share=0.0) for p in fixed]
    people += _staff(gen)
    people += _workers(gen)
    people += _foreigners()
    return people
