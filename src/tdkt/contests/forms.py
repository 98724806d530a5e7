"""Forms of a contest, its jury and moves, an entry, a mark, a conflict and a prize."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tdkt.contests.constants import (
    ENTRY_TEXT_MAX_CHARS,
    MAX_PRIZES_PER_RANK,
    PRIZE_ORDER,
    PrizeRank,
    SubjectKind,
)
from tdkt.contests.uploads import max_bytes
from tdkt.organizations.models import Organization, Person
from tdkt.web.forms.versions import VersionedForm
from tdkt.web.forms.widgets import DateInput


def _money(label: Any) -> forms.IntegerField:
    message = _("Tiền thưởng mỗi giải từ 0 đến 1.000.000.000 đồng.")
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=1_000_000_000,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1000"}),
        help_text=_("Số đồng cho mỗi giải."),
        error_messages={"min_value": message, "max_value": message},
    )


def _count(label: Any) -> forms.IntegerField:
    message = format_lazy(_("Số giải của mỗi hạng từ 0 đến {max}."), max=MAX_PRIZES_PER_RANK)
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_PRIZES_PER_RANK,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": message, "max_value": message},
    )


class LongTextField(forms.CharField):
    """A text area whose length counts a line break once: browsers send CRLF, and the
    30,000-character limit is of what the writer typed."""

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value


class ContestForm(VersionedForm):
    """Fields of ``contest_create`` / ``contest_update``."""

    name = forms.CharField(label=_("Tên cuộc thi"), max_length=300)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    plan_number = forms.CharField(
        label=_("Số kế hoạch"), max_length=50, required=False, help_text=_("Ví dụ 1445/KH-BQL.")
    )
    plan_date = forms.DateField(label=_("Ngày kế hoạch"), required=False, widget=DateInput())
    opens_on = forms.DateField(label=_("Nhận bài từ ngày"), widget=DateInput())
    closes_on = forms.DateField(label=_("Hạn cuối nhận bài"), widget=DateInput())
    rules = forms.CharField(
        label=_("Thể lệ"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    first_prizes = _count(_("Số giải Nhất"))
    first_amount = _money(_("Tiền thưởng giải Nhất"))
    second_prizes = _count(_("Số giải Nhì"))
    second_amount = _money(_("Tiền thưởng giải Nhì"))
    third_prizes = _count(_("Số giải Ba"))
    third_amount = _money(_("Tiền thưởng giải Ba"))
    consolation_prizes = _count(_("Số giải Khuyến khích"))
    consolation_amount = _money(_("Tiền thưởng giải Khuyến khích"))

    FIELDS = (
        "name",
        "year",
        "plan_number",
        "plan_date",
        "opens_on",
        "closes_on",
        "rules",
        *(f"{rank}_{part}" for rank in PRIZE_ORDER for part in ("prizes", "amount")),
    )

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        data = {name: self.cleaned_data[name] for name in self.FIELDS}
        for name in ("plan_number", "rules"):
            data[name] = data[name] or ""
        for name in self.FIELDS:
            if name.endswith(("_prizes", "_amount")) and data[name] is None:
                data[name] = 0
        return data


class JuryForm(VersionedForm):
    jurors = forms.MultipleChoiceField(
        label=_("Thành viên ban giám khảo"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=(),
    )

    def __init__(self, *args: Any, candidates: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {str(u.uuid): u for u in candidates}
        field = self.fields["jurors"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [(key, _juror_label(u)) for key, u in self.candidates.items()]

    def chosen(self) -> list[Any]:
        return [self.candidates[key] for key in self.cleaned_data["jurors"]]


def _juror_label(user: Any) -> str:
    name = user.get_full_name() or user.get_username()
    org = user.organization.name if user.organization_id else ""
    return f"{name} — {org}" if org else name


class MoveForm(VersionedForm):
    to_state = forms.CharField(widget=forms.HiddenInput)


class EntryForm(VersionedForm):
    """Fields of ``entry_submit`` / ``entry_update``; the subject may be picked from the
    registry (a person of the unit or the unit or a unit under it)."""

    title = forms.CharField(label=_("Tên bài viết"), max_length=300)
    subject_kind = forms.ChoiceField(
        label=_("Bài viết về"), choices=SubjectKind.choices, widget=forms.RadioSelect
    )
    subject_name = forms.CharField(label=_("Tên cá nhân hoặc tập thể được viết về"), max_length=200)
    subject = forms.ChoiceField(
        label=_("Chọn trong danh sách (không bắt buộc)"), required=False, choices=()
    )
    authors = forms.CharField(
        label=_("Tác giả"),
        max_length=300,
        help_text=_("Nhiều tác giả thì cách nhau bằng dấu phẩy."),
    )
    text = LongTextField(
        label=_("Nội dung bài viết"),
        max_length=ENTRY_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    file = forms.FileField(
        label=_("Tệp bài viết kèm theo (PDF hoặc Word, không bắt buộc)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    # A one-time key of the sending form (the new entry's UUID): a repeated POST of the same
    # form finds the entry it created instead of sending a second copy.
    key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    FIELDS = ("title", "subject_kind", "subject_name", "authors", "text")

    def __init__(
        self,
        *args: Any,
        people: list[Person],
        collectives: list[Organization],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.uuid): p for p in people}
        self.collectives = {str(o.uuid): o for o in collectives}
        field = self.fields["subject"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [
                ("", _("(Không chọn)")),
                (_("Tập thể"), [(f"o:{k}", o.name) for k, o in self.collectives.items()]),
                (_("Cá nhân"), [(f"p:{k}", p.full_name) for k, p in self.people.items()]),
            ]

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > max_bytes():
            raise forms.ValidationError(_("Tệp quá lớn."))
        return upload

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        data = {name: self.cleaned_data[name] for name in self.FIELDS}
        kind, _sep, key = (self.cleaned_data.get("subject") or "").partition(":")
        data["subject_person"] = self.people.get(key) if kind == "p" else None
        data["subject_organization"] = self.collectives.get(key) if kind == "o" else None
        return data

    def upload(self) -> tuple[str, bytes] | None:
        upload = self.cleaned_data.get("file")
        return (upload.name, upload.read()) if upload else None


class ScoreForm(forms.Form):
    points = forms.DecimalField(
        label=_("Điểm (0–100)"),
        min_value=0,
        max_value=100,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}),
    )
    note = forms.CharField(label=_("Nhận xét"), max_length=500, required=False)


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do xin không chấm"),
        max_length=500,
        help_text=_("Ví dụ: tác giả hoặc nhân vật là người thân, người cùng đơn vị."),
    )


class PrizeForm(forms.Form):
    prize = forms.ChoiceField(
        label=_("Giải"),
        required=False,
        choices=[("", _("(Không có giải)")), *PrizeRank.choices],
    )
