"""Account forms with Vietnamese labels. They parse input only; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.forms.fields import OrganizationChoiceField
from tdkt.organizations.models import Organization
from tdkt.web.forms.widgets import choice_field, model_choice_field

from .constants import Role
from .selectors import STATUS_ACTIVE, STATUS_INACTIVE

PASSWORD_HELP = _("Ít nhất 10 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.")


class LoginForm(AuthenticationForm):
    """Django's sign-in form with our own Vietnamese wording."""

    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khoá."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


def _password(label: Any, *, autocomplete: str, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


class NewPasswordForm(forms.Form):
    """A new password typed twice; its strength is the service's job."""

    new_password1 = _password(
        _("Mật khẩu mới"), autocomplete="new-password", help_text=PASSWORD_HELP
    )
    new_password2 = _password(_("Nhập lại mật khẩu mới"), autocomplete="new-password")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password1") and data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", _("Hai mật khẩu mới không khớp nhau."))
        return data


class PasswordChangeForm(NewPasswordForm):
    """The current password, then the new one twice (checked by ``user_password_change``)."""

    current_password = _password(_("Mật khẩu hiện tại"), autocomplete="current-password")
    field_order = ["current_password", "new_password1", "new_password2"]


class AccountForm(forms.Form):
    """Names, e-mail, role and organisation of an account, as ``user_update`` takes them.

    Only the roles the actor may give are offered.
    """

    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"))
    organization = OrganizationChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        required=False,
        to_field_name="uuid",
        empty_label=_("— Không gắn đơn vị —"),
        help_text=_(
            "Bắt buộc với thủ trưởng đơn vị, đại diện doanh nghiệp và người xem: "
            "họ chỉ thấy dữ liệu của đơn vị này."
        ),
    )

    def __init__(
        self,
        *args: Any,
        roles: list[Role],
        organizations: QuerySet[Organization],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "role").choices = [(role.value, role.label) for role in roles]
        model_choice_field(self, "organization").queryset = organizations

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names (the whole name is
        kept in ``first_name``, so ``get_full_name`` reads it in Vietnamese order)."""
        data = {name: self.cleaned_data[name] for name in ["email", "role", "organization"]}
        return {**data, "first_name": self.cleaned_data["full_name"], "last_name": ""}


class AccountUpdateForm(AccountForm):
    """The edit form carries the version of the account it was drawn from."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)


class AccountCreateForm(AccountForm):
    """A new account: a username and a first password, which the user changes later."""

    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ không dấu, chữ số và . @ + - _ ; ví dụ: nguyen.van.a"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    new_password1 = _password(_("Mật khẩu"), autocomplete="new-password", help_text=PASSWORD_HELP)
    new_password2 = _password(_("Nhập lại mật khẩu"), autocomplete="new-password")
    field_order = ["username", "full_name", "email", "role", "organization"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password1") and data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", _("Hai mật khẩu không khớp nhau."))
        return data


class AccountFilterForm(forms.Form):
    """Search and filters of the account list; every field is optional."""

    q = forms.CharField(
        label=_("Tìm theo tên, tên đăng nhập hoặc thư điện tử"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Vai trò"), choices=[("", _("Tất cả")), *Role.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[
            ("", _("Tất cả")),
            (STATUS_ACTIVE, _("Đang hoạt động")),
            (STATUS_INACTIVE, _("Đã khoá")),
        ],
        required=False,
    )


class TokenCreateForm(forms.Form):
    """Name and lifetime of a new API token."""

    name = forms.CharField(
        label=_("Tên mã"),
        max_length=100,
        help_text=_("Để nhận ra mã sau này, ví dụ: Máy chủ báo cáo."),
    )
    days = forms.IntegerField(label=_("Số ngày còn hạn"), min_value=1)

    def __init__(self, *args: Any, max_days: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["days"]
        field.initial = max_days
        field.help_text = _("Tối đa %(n)s ngày.") % {"n": max_days}
        field.widget.attrs["max"] = max_days
        field.widget.attrs["inputmode"] = "numeric"
