"""The main menu: which links a user sees and which one is the current page.

Every signed-in page draws this menu, so it is decided here in plain Python (a table of
links, their visibility and their "current" test) rather than in a chain of template
conditions: the page frame then costs one loop, and the menu has one definition that tests
and the page walk can read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.urls import ResolverMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.policy import can_manage_accounts
from tdkt.accounts.scopes import Scope, scope_for
from tdkt.petitions.permissions import may_read as may_read_petitions
from tdkt.surveys.permissions import sees_surveys

Current = Callable[[str, str], bool]  # (app name, url name) -> is this the current section
Visible = Callable[[Any, Scope], bool]  # (user, scope) -> may the user see the link


def _prefix(*prefixes: str) -> Current:
    return lambda app, name: name.startswith(prefixes)


def _app(app_name: str) -> Current:
    return lambda app, name: app == app_name


_REGISTRATION = ("campaign-", "registration", "sheet-")


def _registration(app: str, name: str) -> bool:
    # The pages of registration live in the movements app beside the movements themselves.
    return (app == "movements" and name.startswith("campaign-")) or name.startswith(
        ("registration", "sheet-")
    )


def _movements(app: str, name: str) -> bool:
    return app == "movements" and not name.startswith(_REGISTRATION)


def _everyone(user: Any, scope: Scope) -> bool:
    return True


def _council_member_or_board(user: Any, scope: Scope) -> bool:
    return scope.everything or user.holds_council_seat


def _initiatives(user: Any, scope: Scope) -> bool:
    # Authors (accounts linked to a person), unit heads, officers and council members.
    return not scope.is_empty or user.person_id is not None


@dataclass(frozen=True)
class MenuEntry:
    """One link of the main menu."""

    label: str | Promise
    url_name: str
    current: Current
    visible: Visible = _everyone


MENU: tuple[MenuEntry, ...] = (
    MenuEntry(_("Tổng quan"), "web:dashboard", lambda app, name: name == "dashboard"),
    MenuEntry(_("Tổ chức"), "organizations:organization-list", _prefix("organization")),
    MenuEntry(
        _("Cá nhân"),
        "organizations:person-list",
        lambda app, name: name.startswith("person") or name == "employment-create",
    ),
    MenuEntry(pgettext_lazy("menu", "Khu công nghiệp"), "organizations:zone-list", _prefix("zone")),
    MenuEntry(_("Khối, cụm thi đua"), "organizations:group-list", _prefix("group")),
    MenuEntry(_("Phong trào thi đua"), "movements:movement-list", _movements),
    MenuEntry(_("Đăng ký thi đua"), "movements:registration-home", _registration),
    MenuEntry(_("Cuộc thi viết, gương điển hình"), "contests:contest-list", _app("contests")),
    MenuEntry(_("Đợt xét"), "commendations:round-list", _prefix("round-")),
    MenuEntry(_("Đề nghị"), "commendations:proposal-list", _prefix("proposal-")),
    MenuEntry(_("Lưu trữ khen thưởng"), "commendations:award-list", _prefix("award-")),
    MenuEntry(
        _("Quyết định khen thưởng"),
        "commendations:decision-list",
        _prefix("decision-", "publication", "fund"),
    ),
    MenuEntry(_("Sáng kiến"), "initiatives:home", _app("initiatives"), _initiatives),
    MenuEntry(_("Báo cáo, thống kê"), "reports:report-dashboard", _app("reports")),
    MenuEntry(
        _("Đơn thư khiếu nại, tố cáo"),
        "petitions:petition-list",
        _app("petitions"),
        lambda user, scope: may_read_petitions(user),
    ),
    MenuEntry(
        _("Khảo sát hài lòng"),
        "surveys:survey-list",
        _app("surveys"),
        lambda user, scope: sees_surveys(user),
    ),
    MenuEntry(_("Quy tắc khen thưởng"), "commendations:rule-list", _prefix("rule-")),
    MenuEntry(
        _("Hội đồng"),
        "commendations:council-list",
        _prefix("council-", "session-"),
        _council_member_or_board,
    ),
    MenuEntry(
        _("Chỉ tiêu"),
        "indicators:indicator-list",
        _app("indicators"),
        lambda user, scope: not scope.is_empty,
    ),
    MenuEntry(
        _("Nhập dữ liệu"),
        "documents:import-list",
        _app("documents"),
        lambda user, scope: scope.can_write,
    ),
    MenuEntry(
        pgettext_lazy("menu", "Tài khoản"),
        "accounts:user-list",
        lambda app, name: app == "accounts" and name.startswith("user"),
        lambda user, scope: can_manage_accounts(user),
    ),
    MenuEntry(
        _("Lịch nghỉ, làm bù"),
        "web:calendar-list",
        _prefix("calendar-"),
        lambda user, scope: scope.is_board_writer,
    ),
    MenuEntry(
        _("Quản trị"),
        "admin:index",
        lambda app, name: False,
        lambda user, scope: user.is_staff,
    ),
)


@dataclass(frozen=True)
class MenuLink:
    """A link as the template draws it."""

    label: str | Promise
    url: str
    current: bool


@cache
def _url(url_name: str) -> str:
    # The menu's targets take no arguments and do not depend on the language: reverse once.
    return reverse(url_name)


@cache
def _labels(language: str) -> tuple[str, ...]:
    # Translated once per language: every page draws the menu, and each lazy label would
    # otherwise go through the translation catalogue again on every request.
    with override(language):
        return tuple(str(entry.label) for entry in MENU)


def main_menu(user: Any, match: ResolverMatch | None) -> list[MenuLink]:
    """Return the links of the main menu that ``user`` may follow, the current one marked."""
    scope = scope_for(user)
    app = (match.app_name or "") if match else ""
    name = (match.url_name or "") if match else ""
    labels = _labels(get_language() or settings.LANGUAGE_CODE)
    return [
        MenuLink(label, _url(entry.url_name), entry.current(app, name))
        for entry, label in zip(MENU, labels, strict=True)
        if entry.visible(user, scope)
    ]
