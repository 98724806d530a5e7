"""Forms of the initiative screens; the services validate the rest (and say it in Vietnamese)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.models import User
from tdkt.initiatives.constants import SolutionKind
from tdkt.initiatives.models import InitiativeCouncil, ScoringCriterion
from tdkt.initiatives.parameters import MAX_AUTHORS
from tdkt.initiatives.services import ApplicationInput, AuthorInput, CriterionInput
from tdkt.initiatives.services.common import MAX_VND, plain
from tdkt.organizations.models import Person
from tdkt.web.forms.widgets import DateInput, FastSelect, model_choice_field

MAX_CRITERIA_ROWS = 6


BAD_VERSION = _("Trang này không còn đúng (đã cũ hoặc bị sửa). Hãy tải lại trang rồi làm lại.")
BAD_DATE = _("Ngày không có thật hoặc ghi sai dạng; hãy ghi ngày/tháng/năm, ví dụ 05/01/2020.")


class _Versioned(forms.Form):
    """A form drawn from a version of its row; a bad version is said above the form (the
    hidden field shows no error of its own)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_version(self) -> int | None:
        value = (self.cleaned_data.get("version") or "").strip()
        if not value:
            return None
        if not (value.isdecimal() and value.isascii() and len(value) < 10):
            raise forms.ValidationError(BAD_VERSION, code="invalid")
        return int(value)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for message in self.errors.pop("version", []):
            self.add_error(None, message)
        return data


def _date(label: Any, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=DateInput(), error_messages={"invalid": BAD_DATE}
    )


class _PersonChoice(forms.ModelChoiceField[Person]):
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class _UserChoice(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return str(obj)


class _UsersChoice(forms.ModelMultipleChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return str(obj)


def _text(label: Any, rows: int = 4, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


class ApplicationForm(_Versioned):
    """The application for recognition (NĐ 13/2012 Điều lệ Sáng kiến, Art 3 conditions)."""

    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên sáng kiến"), max_length=500)
    kind = forms.ChoiceField(label=_("Loại giải pháp"), choices=SolutionKind.choices)
    area = forms.CharField(label=_("Lĩnh vực áp dụng"), max_length=300)
    problem = _text(_("Thực trạng, vấn đề cần giải quyết"))
    solution = _text(
        _("Nội dung giải pháp"),
        6,
        _("Giải pháp mới ở điểm nào so với cách làm trước đây trong đơn vị."),
    )
    applied_where = forms.CharField(label=_("Nơi áp dụng"), max_length=300)
    applied_since = _date(_("Áp dụng lần đầu hoặc áp dụng thử từ ngày"))
    benefit = _text(_("Hiệu quả, lợi ích thu được"))
    benefit_vnd = forms.IntegerField(
        label=_("Số tiền làm lợi (đồng, nếu tính được)"),
        required=False,
        min_value=0,
        max_value=MAX_VND - 1,
        error_messages={
            "invalid": _("Hãy ghi số tiền bằng chữ số, không có dấu chấm hay phẩy."),
            "min_value": _("Số tiền làm lợi không được âm."),
            "max_value": _("Số tiền làm lợi quá lớn: phải dưới một triệu tỷ đồng."),
        },
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, MAX_AUTHORS + 1):
            self.fields[f"author_{i}"] = _PersonChoice(
                label=_("Tác giả %(n)s") % {"n": i},
                queryset=people,
                required=i == 1,
                widget=FastSelect,
                empty_label=_("— chọn —"),
            )
            self.fields[f"share_{i}"] = forms.DecimalField(
                label=_("Phần trăm đóng góp của tác giả %(n)s") % {"n": i},
                max_digits=5,
                decimal_places=2,
                required=i == 1,
                localize=True,
                min_value=Decimal("0.01"),
                max_value=Decimal(100),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, MAX_AUTHORS + 1):
            share_refused = f"share_{i}" in self.errors
            if data.get(f"author_{i}") and data.get(f"share_{i}") is None and not share_refused:
                self.add_error(f"share_{i}", _("Hãy ghi tỷ lệ đóng góp của tác giả này."))
            elif (
                not data.get(f"author_{i}")
                and f"author_{i}" not in self.errors
                and (data.get(f"share_{i}") is not None or share_refused)
            ):
                self.add_error(f"author_{i}", _("Hãy chọn tác giả có tỷ lệ đóng góp này."))
        return data

    def author_rows(self) -> list[tuple[Any, Any]]:
        """Return the bound author and share fields in pairs (for the template)."""
        return [(self[f"author_{i}"], self[f"share_{i}"]) for i in range(1, MAX_AUTHORS + 1)]

    def plain_fields(self) -> list[Any]:
        return [self[name] for name in ApplicationForm.base_fields if name != "version"]

    def to_input(self) -> ApplicationInput:
        data = self.cleaned_data
        authors = [
            AuthorInput(data[f"author_{i}"], data[f"share_{i}"])
            for i in range(1, MAX_AUTHORS + 1)
            if data.get(f"author_{i}")
        ]
        return ApplicationInput(
            year=data["year"],
            title=data["title"],
            kind=data["kind"],
            area=data["area"],
            problem=data["problem"],
            solution=data["solution"],
            applied_where=data["applied_where"],
            applied_since=data["applied_since"],
            benefit=data["benefit"],
            benefit_vnd=data.get("benefit_vnd"),
            authors=authors,
        )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kèm theo"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG."),
    )


class ReturnForm(_Versioned):
    note = _text(_("Lý do trả lại, việc cần bổ sung"), 3)


class RegisterForm(_Versioned):
    council: forms.ModelChoiceField[InitiativeCouncil] = forms.ModelChoiceField(
        label=_("Phiên xét"), queryset=None, empty_label=None
    )

    def __init__(self, *args: Any, councils: QuerySet[InitiativeCouncil], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "council").queryset = councils


class CouncilForm(_Versioned):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    name = forms.CharField(label=_("Tên phiên xét"), max_length=300)
    meeting_date = _date(_("Ngày họp"), required=False)
    pass_mark = forms.DecimalField(
        label=_("Điểm đạt (điểm trung bình tối thiểu)"),
        max_digits=6,
        decimal_places=2,
        localize=True,
        required=False,
        help_text=_("Để trống để dùng mức mặc định; sửa được đến khi kết thúc phiên xét."),
    )
    chair = _UserChoice(label=_("Chủ tịch Hội đồng"), queryset=None, widget=FastSelect)
    members = _UsersChoice(
        label=_("Các thành viên khác"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hội đồng cần ít nhất ba thành viên, kể cả Chủ tịch."),
    )

    def __init__(self, *args: Any, users: QuerySet[User], editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "chair").queryset = users
        model_choice_field(self, "members").queryset = users
        if editing:
            del self.fields["year"]
            self.fields["pass_mark"].required = True
            self.fields["pass_mark"].help_text = ""


class CriteriaForm(_Versioned):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, MAX_CRITERIA_ROWS + 1):
            self.fields[f"name_{i}"] = forms.CharField(
                label=_("Tiêu chí %(n)s") % {"n": i}, max_length=300, required=False
            )
            self.fields[f"max_{i}"] = forms.DecimalField(
                label=_("Điểm tối đa của tiêu chí %(n)s") % {"n": i},
                max_digits=6,
                decimal_places=2,
                localize=True,
                required=False,
            )

    @classmethod
    def initial_for(cls, criteria: list[ScoringCriterion]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for i, criterion in enumerate(criteria, start=1):
            initial[f"name_{i}"] = criterion.name
            initial[f"max_{i}"] = criterion.max_points
        return initial

    def rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"name_{i}"], self[f"max_{i}"]) for i in range(1, MAX_CRITERIA_ROWS + 1)]

    def to_input(self) -> list[CriterionInput]:
        data = self.cleaned_data
        return [
            CriterionInput(data[f"name_{i}"], data[f"max_{i}"] or Decimal(0))
            for i in range(1, MAX_CRITERIA_ROWS + 1)
            if data.get(f"name_{i}")
        ]


class ReviewForm(forms.Form):
    comment = _text(_("Nhận xét (tác giả xem được, không ghi tên người chấm)"), 3)

    def __init__(self, *args: Any, criteria: list[ScoringCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = False
        self.criteria = criteria
        for criterion in criteria:
            named = {"name": criterion.name, "max": plain(criterion.max_points)}
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=_("%(name)s (tối đa %(max)s)") % named,
                max_digits=6,
                decimal_places=2,
                localize=True,
                min_value=0,
                max_value=criterion.max_points,
                error_messages={
                    "required": _("Hãy chấm điểm tiêu chí “%(name)s”.") % named,
                    "invalid": _("Tiêu chí “%(name)s”: hãy ghi một số, ví dụ 12,5.") % named,
                    "min_value": _("Tiêu chí “%(name)s”: điểm không được âm.") % named,
                    "max_value": _("Tiêu chí “%(name)s”: tối đa %(max)s điểm.") % named,
                    "max_digits": _("Tiêu chí “%(name)s”: tối đa %(max)s điểm.") % named,
                    "max_whole_digits": _("Tiêu chí “%(name)s”: tối đa %(max)s điểm.") % named,
                    "max_decimal_places": _("Tiêu chí “%(name)s”: tối đa hai chữ số thập phân.")
                    % named,
                },
            )
        self.order_fields([*(f"c{c.pk}" for c in criteria), "comment"])

    def points(self) -> dict[int, Decimal]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}


class DecisionForm(_Versioned):
    decision_number = forms.CharField(
        label=_("Số quyết định công nhận"), max_length=50, help_text=_("Ví dụ: 125/QĐ-BQL")
    )
    decision_date = _date(_("Ngày quyết định"))
    signer = forms.CharField(
        label=_("Người ký"), max_length=200, help_text=_("Chức vụ và họ tên người ký quyết định.")
    )
