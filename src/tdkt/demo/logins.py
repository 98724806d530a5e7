"""The demo login table that ``demo_logins`` prints before the development server starts."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tdkt.accounts.constants import Role
from tdkt.accounts.models import User

from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

_ORG_WIDTH = 44


@dataclass(frozen=True)
class LoginRow:
    """One demo account as it stands in the database."""

    username: str
    role_label: str
    organization: str
    exists: bool


def demo_login_rows() -> list[LoginRow]:
    """Return one row per demo account, saying where it is missing (seed_demo not run)."""
    users = {
        u.username.lower(): u
        for u in User.objects.filter(
            username__in=[a.username for a in DEMO_ACCOUNTS]
        ).select_related("organization")
    }
    rows = []
    for account in DEMO_ACCOUNTS:
        user = users.get(account.username.lower())
        if user is None:
            org = _("(chưa có — hãy chạy manage.py seed_demo)")
        elif user.organization is not None:
            org = user.organization.name
        else:
            org = _("Toàn hệ thống")
        role = Role(user.role if user else account.role).label
        rows.append(LoginRow(account.username, str(role), org, user is not None))
    return rows


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_login_box(*, port: int, rows: list[LoginRow], host: str = "127.0.0.1") -> str:
    """Return the URL and the login table framed in a box, ready to print."""
    header = (_("Tên đăng nhập"), _("Vai trò"), _("Đơn vị"), _("Mật khẩu"))
    body = [
        (r.username, r.role_label, _clip(_nfc(r.organization), _ORG_WIDTH), DEMO_PASSWORD)
        for r in rows
    ]
    widths = [max(len(_nfc(str(row[i]))) for row in [header, *body]) for i in range(4)]
    inner = sum(widths) + 3 * len(widths) - 1
    title = [
        _("tdkt — Quản lý thi đua, khen thưởng (dữ liệu mẫu)"),
        _("Mở trình duyệt: %(url)s") % {"url": f"http://{host}:{port}/"},
        _("Mật khẩu chung của các tài khoản mẫu: %(pw)s") % {"pw": DEMO_PASSWORD},
    ]
    inner = max(inner, *(len(line) + 2 for line in title))
    widths[2] += inner - (sum(widths) + 3 * len(widths) - 1)  # stretch the org column

    def line(cells: tuple[str, ...]) -> str:
        return "║" + "│".join(f" {c:<{w}} " for c, w in zip(cells, widths, strict=True)) + "║"

    def rule(left: str, mid: str, right: str, fill: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    out = ["╔" + "═" * inner + "╗"]
    out += [f"║ {t:<{inner - 2}} ║" for t in title]
    out.append(rule("╠", "╤", "╣", "═"))
    out.append(line(header))
    out.append(rule("╟", "┼", "╢", "─"))
    out += [line(cells) for cells in body]
    out.append(rule("╚", "╧", "╝", "═"))
    return "\n".join(_nfc(x) for x in out)
