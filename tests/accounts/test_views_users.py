"""The account managers' screens over HTTP: each role trying each action, and the page
showing only the actions the viewer may take."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from tdkt.accounts.models import User
from tdkt.accounts.services import api_token_create, user_create, user_deactivate, user_version
from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db

MANAGERS = ["admin", "officer"]
OTHERS = ["investment_head", "enterprise_rep", "leader", "council", "viewer"]
NEW = "Mat-khau#Moi2027"


def _url(name: str, user: User | None = None) -> str:
    return reverse(f"accounts:{name}", kwargs={"uuid": user.uuid} if user else None)


def _edit_data(user: User, **changes) -> dict:
    data = {
        "full_name": user.get_full_name(),
        "email": user.email,
        "role": user.role,
        "organization": str(user.organization.uuid) if user.organization else "",
        "version": user_version(user),
    }
    return {**data, **changes}


def _actions(body: str) -> set[str]:
    """Return the action buttons and button-links on an account page."""
    labels = {"Sửa", "Đặt mật khẩu", "Khoá tài khoản", "Mở lại tài khoản", "Mở khoá đăng nhập"}
    return {label for label in labels if f">{label}</button>" in body or f">{label}</a>" in body}


def _snapshot() -> list[tuple]:
    return list(
        User.objects.order_by("pk").values_list(
            "username", "role", "organization_id", "is_active", "first_name", "password"
        )
    )


# Reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS + OTHERS)
def test_the_account_list_is_for_managers(client_for, role):
    """Managers get the list and the menu link; other roles get 403 and no link."""
    client = client_for(role)
    response = client.get(_url("user-list"))
    dashboard = client.get(reverse("web:dashboard")).content.decode()
    if role in MANAGERS:
        assert response.status_code == 200
        assert "viewer" in response.content.decode()
        assert _url("user-list") in dashboard
    else:
        assert response.status_code == 403
        assert "Chỉ quản trị hệ thống và cán bộ thi đua" in response.content.decode()
        assert f'href="{_url("user-list")}"' not in dashboard


@pytest.mark.parametrize("role", OTHERS)
def test_someone_else_s_account_is_not_found_for_non_managers(client_for, registry, role):
    """Another user's page answers 404 exactly like an account that does not exist."""
    client = client_for(role)
    other = registry.officer
    missing = client.get(reverse("accounts:user-detail", kwargs={"uuid": uuid.uuid4()}))
    assert missing.status_code == 404
    for url in (_url("user-detail", other), _url("user-update", other)):
        response = client.get(url)
        assert response.status_code == 404
        assert (
            response.context["message"]
            == missing.context["message"]
            == ("Không tìm thấy tài khoản.")
        )


@pytest.mark.parametrize("role", OTHERS)
def test_own_account_page_for_non_managers_is_the_account_page(client_for, registry, role):
    """A non-manager opening their own account by its address lands on "Tài khoản của tôi"."""
    response = client_for(role).get(_url("user-detail", getattr(registry, role)))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:account")


def test_list_search_ignores_accents_and_filters_by_role_and_status(client_for, registry):
    """ "pham thi dao" finds "Phạm Thị Đào"; role and status narrow the list."""
    user_create(
        actor=None,
        username="dao.pt",
        password=PASSWORD,
        role="viewer",
        organization=registry.planning,
        first_name="Phạm Thị Đào",
    )
    user_deactivate(actor=registry.officer, user=registry.council)
    client = client_for("officer")
    page = client.get(_url("user-list"), {"q": "pham thi dao"})
    assert [u.username for u in page.context["page"].object_list] == ["dao.pt"]
    viewers = client.get(_url("user-list"), {"role": "viewer"}).context["page"].object_list
    assert {u.username for u in viewers} == {"viewer", "dao.pt"}
    disabled = client.get(_url("user-list"), {"status": "inactive"})
    assert [u.username for u in disabled.context["page"].object_list] == ["council"]
    assert "Đã khoá" in disabled.content.decode()


def test_detail_shows_history_and_no_internal_codes(client_for, registry):
    """The page reads in Vietnamese: role label, unit name, dd/mm/yyyy dates, the history."""
    user_deactivate(actor=registry.officer, user=registry.viewer)
    body = client_for("officer").get(_url("user-detail", registry.viewer)).content.decode()
    assert "<dt>Vai trò</dt><dd>Người xem</dd>" in body
    assert "Phòng Quản lý Đầu tư" in body
    assert "Khoá tài khoản" in body  # the history's event label
    assert registry.viewer.date_joined.strftime("%d/%m/%Y") in body
    for code in ("user.deactivated", "is_active", "unit_head", "emulation_officer"):
        assert code not in body


def test_history_reads_as_sentences_about_the_account(client_for, registry):
    """Token and status events show Vietnamese labels and values, not field names."""
    api_token_create(actor=registry.viewer, user=registry.viewer, name="Báo cáo")
    user_deactivate(actor=registry.officer, user=registry.viewer)
    body = client_for("officer").get(_url("user-detail", registry.viewer)).content.decode()
    assert "<strong>Thu hồi mã truy cập API</strong>" in body
    assert '<span class="field">Tên:</span> <del>Báo cáo</del> → <ins>—</ins>' in body
    assert '<span class="field">Đang hoạt động:</span> <del>Có</del> → <ins>Không</ins>' in body
    assert "<strong>Cấp mã truy cập API</strong>" in body


# Actions shown ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewer", "target", "shown"),
    [
        ("officer", "viewer", {"Sửa", "Đặt mật khẩu", "Khoá tài khoản"}),
        ("officer", "officer", {"Sửa"}),  # never disable or reset oneself
        ("officer", "admin", set()),  # an officer may read an administrator, not change them
        ("admin", "admin", {"Sửa"}),
        ("admin", "officer", {"Sửa", "Đặt mật khẩu", "Khoá tài khoản"}),
    ],
)
def test_detail_offers_only_the_permitted_actions(client_for, registry, viewer, target, shown):
    """Buttons match what the services would allow."""
    body = client_for(viewer).get(_url("user-detail", getattr(registry, target))).content.decode()
    assert _actions(body) == shown


def test_a_disabled_account_offers_re_enabling_and_a_locked_one_unlocking(client_for, registry):
    """ "Mở lại tài khoản" appears once disabled; "Mở khoá đăng nhập" once sign-in is locked."""
    client = client_for("officer")
    for _ in range(5):
        Client().post(reverse("accounts:login"), {"username": "planning_head", "password": "x"})
    body = client.get(_url("user-detail", registry.planning_head)).content.decode()
    assert "Mở khoá đăng nhập" in _actions(body)
    assert "Đăng nhập đang tạm khoá" in body
    user_deactivate(actor=registry.officer, user=registry.council)
    body = client.get(_url("user-detail", registry.council)).content.decode()
    assert _actions(body) == {"Sửa", "Đặt mật khẩu", "Mở lại tài khoản"}


# Writing ------------------------------------------------------------------------------------


def test_officer_creates_an_account_through_the_form(client_for, registry):
    """The new account can sign in; the page lists it; the event names the officer."""
    response = client_for("officer").post(
        _url("user-create"),
        {
            "username": "tran.thi.moi",
            "full_name": "Trần Thị Mới",
            "email": "",
            "role": "viewer",
            "organization": str(registry.planning.uuid),
            "new_password1": NEW,
            "new_password2": NEW,
        },
    )
    user = User.objects.get(username="tran.thi.moi")
    assert response.status_code == 302
    assert response["Location"] == _url("user-detail", user)
    assert (user.first_name, user.role, user.organization) == (
        "Trần Thị Mới",
        "viewer",
        registry.planning,
    )
    assert user.check_password(NEW)
    assert (
        AuditEvent.objects.get(
            event_type=AuditEventType.USER_CREATED, object_id=str(user.uuid)
        ).actor
        == registry.officer
    )


def test_the_officer_s_form_does_not_offer_the_administrator_role(client_for, registry):
    """The choice is absent, and posting it anyway is a form error that creates nothing."""
    client = client_for("officer")
    page = client.get(_url("user-create")).content.decode()
    assert 'value="admin"' not in page
    assert 'value="admin"' in client_for("admin").get(_url("user-create")).content.decode()
    response = client.post(
        _url("user-create"),
        {"username": "x.admin", "role": "admin", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    assert not User.objects.filter(username="x.admin").exists()


def test_service_errors_show_under_their_fields(client_for, registry):
    """A viewer without a unit and a taken username are shown in Vietnamese on the form."""
    response = client_for("officer").post(
        _url("user-create"),
        {"username": "VIEWER", "role": "viewer", "new_password1": NEW, "new_password2": NEW},
    )
    errors = response.context["form"].errors
    assert "Tên đăng nhập đã tồn tại." in errors["username"]
    assert "Vai trò này phải gắn với một đơn vị." in errors["organization"]


@pytest.mark.parametrize("role", OTHERS)
def test_non_managers_cannot_write_any_account(client_for, registry, role):
    """Create is 403; every change of another account is 404 (it is invisible to them)."""
    client = client_for(role)
    target = registry.planning_head if role != "planning_head" else registry.council
    before = _snapshot()
    assert client.get(_url("user-create")).status_code == 403
    assert client.post(_url("user-create"), {"username": "x"}).status_code == 403
    for name in ("user-update", "user-password"):
        assert client.post(_url(name, target), {}).status_code == 404
    for name in ("user-deactivate", "user-reactivate", "user-unlock"):
        assert client.post(_url(name, target)).status_code == 404
    assert _snapshot() == before


def test_an_officer_is_refused_on_an_administrator_before_the_input_is_read(client_for, registry):
    """Invalid input on an administrator's account still gets 403 (not a form error), and an
    access-denied event; nothing changes."""
    client = client_for("officer")
    before = _snapshot()
    denied = AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).count()
    assert client.post(_url("user-update", registry.admin), {"role": "nonsense"}).status_code == 403
    assert client.post(_url("user-password", registry.admin), {}).status_code == 403
    assert client.post(_url("user-deactivate", registry.admin)).status_code == 403
    assert client.get(_url("user-update", registry.admin)).status_code == 403
    assert _snapshot() == before
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).count() == denied + 4


def test_officer_edits_an_account_and_a_stale_form_is_refused(client_for, registry):
    """The first save wins; a form drawn before it gets 409 and keeps the newer values."""
    officer, admin = client_for("officer"), client_for("admin")
    stale = _edit_data(registry.viewer)
    fresh = _edit_data(registry.viewer, full_name="Đinh Quang Đạt")
    assert admin.post(_url("user-update", registry.viewer), fresh).status_code == 302
    response = officer.post(_url("user-update", registry.viewer), {**stale, "full_name": "Khác"})
    assert response.status_code == 409
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert User.objects.get(pk=registry.viewer.pk).first_name == "Đinh Quang Đạt"


def test_logout_and_actions_are_post_only(client_for, registry):
    """A link (GET) cannot disable, enable or unlock an account."""
    client = client_for("officer")
    for name in ("user-deactivate", "user-reactivate", "user-unlock"):
        assert client.get(_url(name, registry.viewer)).status_code == 405
    assert User.objects.get(pk=registry.viewer.pk).is_active


def test_disable_then_enable_from_the_page(client_for, registry):
    """Both actions return to the page with a Vietnamese message; a second click is explained."""
    client = client_for("officer")
    response = client.post(_url("user-deactivate", registry.viewer), follow=True)
    assert "Đã khoá tài khoản viewer" in response.content.decode()
    again = client.post(_url("user-deactivate", registry.viewer), follow=True)
    assert "Tài khoản này đã bị khoá." in again.content.decode()
    response = client.post(_url("user-reactivate", registry.viewer), follow=True)
    assert "Đã mở lại tài khoản viewer." in response.content.decode()
    assert User.objects.get(pk=registry.viewer.pk).is_active


def test_self_disable_by_a_crafted_post_is_refused(client_for, registry):
    """The button is not shown; posting anyway is a 403 and the account stays active."""
    response = client_for("admin").post(_url("user-deactivate", registry.admin))
    assert response.status_code == 403
    assert "Bạn không thể tự khoá tài khoản của mình." in response.content.decode()
    assert User.objects.get(pk=registry.admin.pk).is_active


def test_manager_sets_a_password_and_own_password_goes_to_the_change_page(client_for, registry):
    """Setting a viewer's password works; a manager's own goes to the password page."""
    client = client_for("officer")
    response = client.post(
        _url("user-password", registry.viewer), {"new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=registry.viewer.pk).check_password(NEW)
    own = client.get(_url("user-password", registry.officer))
    assert own.status_code == 302
    assert own["Location"] == reverse("accounts:password-change")
