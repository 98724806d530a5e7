"""The demo accounts: one per role, all sharing one published password.

The password is defined here and nowhere else, so ``seed_demo``, ``demo_logins``, the
tests and the documentation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from tdkt.accounts.constants import Role

# Meets the password validators: ≥ 10 characters, lower, upper, digit and symbol.
DEMO_PASSWORD = "Demo@2026!"  # noqa: S105 - a published demo password, never for production


@dataclass(frozen=True)
class DemoAccount:
    """A demo login; ``person_name`` and ``org_key`` link it to demo registry rows."""

    username: str
    role: str
    display_name: str
    org_key: str | None = None
    person_name: str | None = None


# One login per role; the seed itself writes as the system (actor=None, decision 0021).
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", Role.ADMIN, "Quản trị hệ thống"),
    DemoAccount(
        "canbo.tdkt", Role.EMULATION_OFFICER, "Phạm Thị Đào", "unit:office", "Phạm Thị Đào"
    ),
    DemoAccount(
        "truongphong.dautu",
        Role.UNIT_HEAD,
        "Nguyễn Văn Ánh",
        "unit:investment",
        "Nguyễn Văn Ánh",
    ),
    DemoAccount("hoidong", Role.COUNCIL_MEMBER, "Đỗ Thị Thu Hà", "unit:office", "Đỗ Thị Thu Hà"),
    DemoAccount(
        "doanhnghiep",
        Role.ENTERPRISE_REPRESENTATIVE,
        "Vũ Thị Hằng",
        "ent:E01",
        "Vũ Thị Hằng",
    ),
    DemoAccount("lanhdao", Role.LEADER, "Trần Minh Đức", "board", "Trần Minh Đức"),
    DemoAccount("xem", Role.VIEWER, "Đinh Quang Đạt", "unit:investment", "Đinh Quang Đạt"),
    # Council members (tdkt.demo.council seats them with lanhdao, truongphong.dautu, hoidong and
    # canbo.tdkt); the people are deputies and heads of unit of the generated staffing.
    DemoAccount("hoidong.yen", Role.COUNCIL_MEMBER, "Lê Thị Yến", "board", "Lê Thị Yến"),
    DemoAccount(
        "hoidong.ngan", Role.COUNCIL_MEMBER, "Đặng Ngọc Ngân", "unit:planning", "Đặng Ngọc Ngân"
    ),
    DemoAccount(
        "hoidong.diep", Role.COUNCIL_MEMBER, "Lê Phương Điệp", "unit:labour", "Lê Phương Điệp"
    ),
    # Who prepares and submits each unit's proposals in the rounds (tdkt.demo.round2019): the
    # head of the unit, or a deputy where the head sits on the council.
    DemoAccount(
        "phochanh.vanphong", Role.UNIT_HEAD, "Trần Quang Vinh", "unit:office", "Trần Quang Vinh"
    ),
    DemoAccount(
        "phophong.quyhoach",
        Role.UNIT_HEAD,
        "Vũ Phương Giang",
        "unit:planning",
        "Vũ Phương Giang",
    ),
    DemoAccount(
        "truongphong.qldn",
        Role.UNIT_HEAD,
        "Đỗ Đăng Nghĩa",
        "unit:enterprise_affairs",
        "Đỗ Đăng Nghĩa",
    ),
    DemoAccount(
        "phophong.laodong", Role.UNIT_HEAD, "Nguyễn Kim Nga", "unit:labour", "Nguyễn Kim Nga"
    ),
    DemoAccount("giamdoc.trungtam", Role.UNIT_HEAD, "Vũ Kim Ngân", "unit:centre", "Vũ Kim Ngân"),
)

# The login that writes each unit's proposals (unit key → username).
UNIT_WRITERS: dict[str, str] = {
    "office": "phochanh.vanphong",
    "investment": "truongphong.dautu",
    "planning": "phophong.quyhoach",
    "enterprise_affairs": "truongphong.qldn",
    "labour": "phophong.laodong",
    "centre": "giamdoc.trungtam",
}
