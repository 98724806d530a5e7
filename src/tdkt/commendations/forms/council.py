"""Forms of the council screens: the council, its members, sessions, attendance, the ballot,
conflicts, the paper tally and the proceedings.

Forms only collect input; the services validate the rules (one chair, quorum, counts within
the members present, one ballot per member) and their messages are shown field by field.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.models import User
from tdkt.commendations.constants import CouncilRole, TallySource
from tdkt.commendations.models import Round
from tdkt.commendations.selectors.council import LineChoice
from tdkt.commendations.selectors.council_sessions import AttendanceRow, ItemRow
from tdkt.web.forms.widgets import choice_field, model_choice_field

YES, NO = "yes", "no"
PRESENT, ABSENT, WRITTEN = "present", "absent", "written"


class _Versioned(forms.Form):
    """Carries the version of the record the page showed, so a stale edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CouncilForm(_Versioned):
    """Fields of ``council_create`` / ``council_update`` (the year is set once)."""

    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    name = forms.CharField(label=_("Tên Hội đồng"), max_length=300)
    established_by = forms.CharField(
        label=_("Quyết định thành lập"),
        max_length=200,
        required=False,
        help_text=_("Số, ký hiệu và ngày của quyết định, ví dụ 12/QĐ-BQL ngày 05/01/2025."),
    )
    quorum_percent = forms.DecimalField(
        label=_("Tỷ lệ thành viên có mặt tối thiểu để bỏ phiếu (%)"),
        min_value=Decimal("1"),
        max_value=Decimal("100"),
        decimal_places=2,
        initial=Decimal("80"),
        help_text=_(
            "Mặc định 80% theo thực tiễn họp xét khen thưởng (chưa xác minh quy định của "
            "Thành phố); có thể sửa, ví dụ 66,67 cho 2/3."
        ),
        localize=True,
    )
    series_symbol = forms.CharField(
        label=_("Ký hiệu sổ biên bản"), max_length=30, initial="BB-HĐTĐKT"
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["year"].disabled = True


class UserChoiceField(forms.ModelChoiceField):
    """An account shown by its owner's name and its username."""

    def label_from_instance(self, obj: User) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class MemberForm(forms.Form):
    """A seat on the council: an existing account, its role and how the minutes name it."""

    user = UserChoiceField(label=_("Tài khoản"), queryset=None)
    role = forms.ChoiceField(label=_("Vai trò"), choices=CouncilRole.choices)
    full_name = forms.CharField(
        label=_("Họ và tên (in trong biên bản)"),
        max_length=200,
        required=False,
        help_text=_("Để trống để dùng tên của tài khoản."),
    )
    title = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)

    def __init__(self, *args: Any, users: QuerySet[User] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if users is None:
            del self.fields["user"]
            self.fields["full_name"].required = True
            self.fields["full_name"].help_text = ""
        else:
            model_choice_field(self, "user").queryset = users


class RoundChoiceField(forms.ModelChoiceField):
    """A round shown by its name and year."""

    def label_from_instance(self, obj: Round) -> str:
        return f"{obj.name} ({obj.year})"


class SessionForm(_Versioned):
    """Fields of ``session_create`` / ``session_update``."""

    round = RoundChoiceField(label=_("Đợt xét"), queryset=None)
    title = forms.CharField(
        label=_("Nội dung cuộc họp"),
        max_length=300,
        initial=_("Họp xét, đề nghị khen thưởng"),
    )
    starts_at = forms.DateTimeField(
        label=_("Thời gian họp"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    tally_source = forms.ChoiceField(
        label=_("Hình thức bỏ phiếu"),
        choices=TallySource.choices,
        widget=forms.RadioSelect,
        initial=TallySource.ELECTRONIC,
    )

    def __init__(self, *args: Any, rounds: QuerySet[Round] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if rounds is None:
            del self.fields["round"]
        else:
            model_choice_field(self, "round").queryset = rounds


class SessionItemsForm(_Versioned):
    """The lines put to the vote (ticked lines replace the agenda)."""

    lines = forms.TypedMultipleChoiceField(
        label=_("Nội dung đưa ra biểu quyết"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, choices: Sequence[LineChoice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "lines").choices = [(c.id, c.label) for c in choices]
        if not self.is_bound:
            self.initial["lines"] = [c.id for c in choices if c.chosen]


class AttendanceForm(_Versioned):
    """One choice per member: present, absent, or absent with a written opinion."""

    def __init__(self, *args: Any, rows: Sequence[AttendanceRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            initial = (
                WRITTEN if row.written_opinion else ABSENT if row.present is False else PRESENT
            )
            self.fields[f"member_{row.member_id}"] = forms.ChoiceField(
                label=f"{row.name} — {row.role_label}",
                choices=[
                    (PRESENT, _("Có mặt")),
                    (ABSENT, _("Vắng")),
                    (WRITTEN, _("Vắng, có ý kiến bằng văn bản")),
                ],
                widget=forms.RadioSelect,
                initial=initial,
            )

    def chosen(self, value: str) -> list[int]:
        """Return the ids of the members marked ``value``."""
        return [
            row.member_id
            for row in self.rows
            if self.cleaned_data.get(f"member_{row.member_id}") == value
        ]


class BallotForm(forms.Form):
    """The secret ballot: agree or disagree on every line the member votes on."""

    def __init__(self, *args: Any, items: Sequence[ItemRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = [item for item in items if not item.my_conflict]
        for item in self.items:
            self.fields[f"item_{item.id}"] = forms.ChoiceField(
                label=f"{item.recipient} — {item.award}",
                choices=[(YES, _("Đồng ý")), (NO, _("Không đồng ý"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Hãy chọn Đồng ý hoặc Không đồng ý.")},
            )

    def rows(self) -> list[tuple[ItemRow, forms.BoundField]]:
        """Return each line the member votes on with its agree/disagree field."""
        return [(item, self[f"item_{item.id}"]) for item in self.items]

    def choices(self) -> dict[int, bool]:
        """Return the choices as the service takes them: item id → agree."""
        return {item.id: self.cleaned_data[f"item_{item.id}"] == YES for item in self.items}


class ConflictForm(forms.Form):
    """Why the member will not vote on a line."""

    reason = forms.CharField(
        label=_("Lý do (không bắt buộc)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Ví dụ: người thân của ứng viên")}),
    )


class PaperTallyForm(_Versioned):
    """The counts of the paper ballots: the summary, then agree/disagree per line."""

    ballots_issued = forms.IntegerField(label=_("Số phiếu phát ra"), min_value=0)
    ballots_returned = forms.IntegerField(label=_("Số phiếu thu về"), min_value=0)
    ballots_valid = forms.IntegerField(label=_("Số phiếu hợp lệ"), min_value=0)

    def __init__(self, *args: Any, items: Sequence[ItemRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"yes_{item.id}"] = forms.IntegerField(
                label=_("Đồng ý"), min_value=0, widget=forms.NumberInput(attrs={"size": 4})
            )
            self.fields[f"no_{item.id}"] = forms.IntegerField(
                label=_("Không đồng ý"), min_value=0, widget=forms.NumberInput(attrs={"size": 4})
            )

    def rows(self) -> list[tuple[ItemRow, forms.BoundField, forms.BoundField]]:
        """Return each line with its two count fields (for the table layout)."""
        return [(item, self[f"yes_{item.id}"], self[f"no_{item.id}"]) for item in self.items]

    def counts(self) -> dict[int, tuple[int, int]]:
        """Return item id → (agree, disagree)."""
        return {
            item.id: (self.cleaned_data[f"yes_{item.id}"], self.cleaned_data[f"no_{item.id}"])
            for item in self.items
        }


class ProceedingsForm(_Versioned):
    """The proceedings of the meeting, one paragraph per line, printed in the minutes."""

    proceedings = forms.CharField(
        label=_("Diễn biến cuộc họp"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi dòng là một đoạn của biên bản."),
    )
