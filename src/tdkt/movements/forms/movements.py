"""Forms of a movement, its participants, criteria, deadlines, moves and scores."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.movements.codes import code_label
from tdkt.movements.constants import CriterionSource, DeadlineKind, MovementKind
from tdkt.movements.models import Criterion, Movement
from tdkt.movements.uploads import max_bytes
from tdkt.organizations.forms.fields import OrganizationMultipleChoiceField
from tdkt.organizations.models import Organization
from tdkt.rules.codes import AWARD_CODES
from tdkt.web.forms.widgets import DateInput, model_choice_field


class _Versioned(forms.Form):
    """Carries the version the page showed, so a stale form is refused (conflict)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MovementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Movement) -> str:
        return f"{obj.code} — {obj.name}"


class MovementForm(_Versioned):
    """Fields of ``movement_create`` / ``movement_update``, and the plan file."""

    code = forms.CharField(label=_("Mã phong trào"), max_length=30)
    name = forms.CharField(label=_("Tên phong trào"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại phong trào"), choices=MovementKind.choices)
    slogan = forms.CharField(label=_("Khẩu hiệu"), max_length=300, required=False)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DateInput())
    plan_number = forms.CharField(
        label=_("Số kế hoạch"), max_length=50, required=False, help_text=_("Ví dụ 163/KH-BQL.")
    )
    plan_date = forms.DateField(label=_("Ngày kế hoạch"), required=False, widget=DateInput())
    plan_file = forms.FileField(
        label=_("Tệp kế hoạch (PDF hoặc Word)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    higher_movement = MovementChoiceField(
        label=_("Hưởng ứng phong trào (trên hệ thống)"),
        queryset=None,
        required=False,
        empty_label=_("(Không có)"),
    )
    higher_movement_text = forms.CharField(
        label=_("Hưởng ứng phong trào cấp trên"),
        max_length=300,
        required=False,
        help_text=_("Phong trào của Thành phố hoặc Bộ, ngành, khi không có trên hệ thống."),
    )
    description = forms.CharField(
        label=_("Nội dung chính"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    FIELDS = (
        "code",
        "name",
        "kind",
        "slogan",
        "starts_on",
        "ends_on",
        "plan_number",
        "plan_date",
        "higher_movement",
        "higher_movement_text",
        "description",
    )

    def __init__(self, *args: Any, movements: QuerySet[Movement], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "higher_movement").queryset = movements

    def clean_plan_file(self) -> Any:
        upload = self.cleaned_data.get("plan_file")
        if upload and upload.size > max_bytes():
            raise forms.ValidationError(_("Tệp quá lớn."))
        return upload

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        data = {name: self.cleaned_data[name] for name in self.FIELDS}
        for name in ("slogan", "plan_number", "higher_movement_text", "description"):
            data[name] = data[name] or ""
        return data


class ParticipantsForm(_Versioned):
    organizations = OrganizationMultipleChoiceField(
        label=_("Đơn vị tham gia"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "organizations").queryset = organizations


class TransitionForm(_Versioned):
    to_state = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


def _points(
    label: Any, *, required: bool = True, max_value: Decimal | None = None
) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=7,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=max_value,
        localize=True,
        required=required,
    )


class CriterionForm(_Versioned):
    text = forms.CharField(
        label=_("Tiêu chí"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    max_points = _points(_("Điểm tối đa"))
    weight = _points(_("Hệ số"))
    bonus_max = _points(_("Điểm thưởng tối đa"))
    penalty_max = _points(_("Điểm trừ tối đa"))
    source = forms.ChoiceField(label=_("Cách tính điểm"), choices=CriterionSource.choices)
    indicator_code = forms.CharField(
        label=_("Mã chỉ tiêu"),
        max_length=50,
        required=False,
        help_text=_("Khi tính theo chỉ tiêu: mã chỉ tiêu như trong tệp nhập số liệu chỉ tiêu."),
    )

    FIELDS = (
        "text",
        "max_points",
        "weight",
        "bonus_max",
        "penalty_max",
        "source",
        "indicator_code",
    )

    @classmethod
    def initial_for(cls, criterion: Criterion, version: int) -> dict[str, Any]:
        return {name: getattr(criterion, name) for name in cls.FIELDS} | {"version": version}

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.FIELDS}


class DeadlineForm(_Versioned):
    kind = forms.ChoiceField(label=_("Loại mốc"), choices=DeadlineKind.choices)
    title = forms.CharField(label=_("Nội dung"), max_length=200)
    due_on = forms.DateField(label=_("Hạn"), widget=DateInput())


class RoundForm(_Versioned):
    unit_deadline = forms.DateField(label=_("Hạn đơn vị gửi hồ sơ"), widget=DateInput())
    accepted_codes = forms.MultipleChoiceField(
        label=_("Danh hiệu, hình thức được đề nghị"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["accepted_codes"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [(code, code_label(code)) for code in AWARD_CODES]


class ScoreForm(forms.Form):
    """One unit's points, bonus, penalty and note per criterion, with the versions shown."""

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            manual = c.source == CriterionSource.MANUAL
            field = _points(_("Điểm"), required=False, max_value=c.max_points)
            field.disabled = not manual
            self.fields[f"points_{c.pk}"] = field
            self.fields[f"bonus_{c.pk}"] = _points(_("Điểm thưởng"), required=False)
            self.fields[f"penalty_{c.pk}"] = _points(_("Điểm trừ"), required=False)
            self.fields[f"note_{c.pk}"] = forms.CharField(
                label=_("Ghi chú"), max_length=300, required=False
            )
            self.fields[f"v_{c.pk}"] = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def rows(self) -> list[tuple[Criterion, list[forms.BoundField]]]:
        """The fields of each criterion, in order, for the template."""
        return [
            (c, [self[f"{name}_{c.pk}"] for name in ("points", "bonus", "penalty", "note", "v")])
            for c in self.criteria
        ]
