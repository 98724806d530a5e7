"""Forms of publication, decisions, revocation and the fund: typed input for the services."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import CommentKind, FundEntryKind, SignerTitle
from tdkt.commendations.decision_texts import code_label
from tdkt.web.forms.widgets import DateInput, choice_field

MAX_TEXT = 2000


class VersionField(forms.IntegerField):
    """The version of the row the page showed, so a stale page is refused, never merged."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=0, **kwargs)


class DecisionCreateForm(forms.Form):
    """Which codes of the round's approved lines go into a new draft, and who will sign."""

    codes = forms.MultipleChoiceField(
        label=_("Danh hiệu, hình thức"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Một quyết định chỉ gồm danh hiệu thi đua hoặc chỉ gồm hình thức khen thưởng."),
    )
    signer_title = forms.ChoiceField(
        label=_("Người ký dự kiến"), choices=SignerTitle.choices, initial=SignerTitle.HEAD
    )

    def __init__(self, *args: Any, codes: Iterable[tuple[str, int]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = choice_field(self, "codes")
        field.choices = [
            (code, _("%(label)s (%(n)s dòng)") % {"label": code_label(code), "n": count})
            for code, count in codes
        ]


class DecisionTextsForm(forms.Form):
    """The texts of a draft, as ``decision_update`` takes them."""

    version = VersionField()
    title = forms.CharField(
        label=_("Trích yếu"), max_length=500, widget=forms.Textarea({"rows": 2})
    )
    legal_basis = forms.CharField(
        label=_("Căn cứ"),
        max_length=MAX_TEXT * 4,
        widget=forms.Textarea({"rows": 6}),
        help_text=_("Mỗi căn cứ một dòng, không cần dấu chấm phẩy ở cuối."),
    )
    proposal_basis = forms.CharField(
        label=_("Xét đề nghị"), max_length=MAX_TEXT, widget=forms.Textarea({"rows": 2})
    )
    award_phrase = forms.CharField(label=_("Nội dung khen thưởng (đầu Điều 1)"), max_length=500)
    achievement_text = forms.CharField(
        label=_("Thành tích"), max_length=MAX_TEXT, widget=forms.Textarea({"rows": 2})
    )
    signer_title = forms.ChoiceField(label=_("Người ký dự kiến"), choices=SignerTitle.choices)

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under ``decision_update``'s argument names."""
        data = dict(self.cleaned_data)
        data["legal_basis"] = data["legal_basis"].splitlines()
        data["expected_version"] = data.pop("version")
        return data


class DecisionSignForm(forms.Form):
    """The leader's signature: in which capacity, on the version read."""

    version = VersionField()
    signer_title = forms.ChoiceField(
        label=_("Ký với chức danh"), choices=SignerTitle.choices, widget=forms.RadioSelect
    )


class DiscardForm(forms.Form):
    """Confirmation of deleting a draft, on the version read."""

    version = VersionField()


class RevokeForm(forms.Form):
    """Revocation of a granted line: why, by which decision, from when."""

    reason = forms.CharField(
        label=_("Lý do thu hồi"), max_length=MAX_TEXT, widget=forms.Textarea({"rows": 3})
    )
    revoking_decision = forms.CharField(
        label=_("Quyết định thu hồi"),
        max_length=100,
        help_text=_("Số, ngày của quyết định thu hồi, ví dụ: 15/QĐ-BQL ngày 02/03/2020."),
    )
    revoked_on = forms.DateField(
        label=_("Ngày thu hồi"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: hôm nay."),
    )


class PublicationForm(forms.Form):
    """The comment period of a publication (default: 10 working days from today)."""

    starts_on = forms.DateField(label=_("Công khai từ ngày"), widget=DateInput())
    ends_on = forms.DateField(label=_("Đến hết ngày"), widget=DateInput())
    note = forms.CharField(
        label=_("Hình thức công khai"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Ví dụ: niêm yết tại trụ sở Ban và đăng trên cổng thông tin điện tử."),
    )


class CommentForm(forms.Form):
    """A comment or objection received about a line of the published list."""

    line = forms.ChoiceField(label=_("Về"))
    kind = forms.ChoiceField(label=_("Loại ý kiến"), choices=CommentKind.choices)
    author_name = forms.CharField(label=_("Người, đơn vị góp ý"), max_length=200)
    text = forms.CharField(
        label=_("Nội dung"), max_length=MAX_TEXT, widget=forms.Textarea({"rows": 3})
    )
    received_on = forms.DateField(label=_("Ngày nhận"), required=False, widget=DateInput())

    def __init__(self, *args: Any, lines: Iterable[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "line").choices = list(lines)


class ResolveForm(forms.Form):
    """How a comment or objection was settled."""

    resolution = forms.CharField(
        label=_("Kết quả xử lý"), max_length=MAX_TEXT, widget=forms.Textarea({"rows": 2})
    )


class WithdrawForm(forms.Form):
    """Why a line leaves the list before the decision."""

    reason = forms.CharField(
        label=_("Lý do rút khỏi danh sách"), max_length=MAX_TEXT, widget=forms.Textarea({"rows": 2})
    )


class SeriesForm(forms.Form):
    """The last number already used in the paper register of a year."""

    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    last_number = forms.IntegerField(label=_("Số đã dùng đến"), min_value=0, max_value=999_999)


class FundYearForm(forms.Form):
    """The fund's opening balance of a year."""

    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    opening_balance_vnd = forms.IntegerField(
        label=_("Số dư đầu năm (đồng)"), min_value=-(10**14), max_value=10**14
    )
    note = forms.CharField(label=_("Căn cứ"), max_length=300, required=False)


class FundEntryForm(forms.Form):
    """A receipt, a payment of a signed decision, or a recovery of revoked money."""

    kind = forms.ChoiceField(
        label=_("Loại"),
        choices=[
            (FundEntryKind.RECEIPT.value, FundEntryKind.RECEIPT.label),
            (FundEntryKind.PAYMENT.value, FundEntryKind.PAYMENT.label),
            (FundEntryKind.RECOVERY.value, FundEntryKind.RECOVERY.label),
        ],
    )
    amount_vnd = forms.IntegerField(label=_("Số tiền (đồng)"), min_value=1, max_value=10**14)
    on = forms.DateField(label=_("Ngày"), widget=DateInput())
    description = forms.CharField(label=_("Nội dung"), max_length=300)
    decision = forms.ChoiceField(label=_("Quyết định (khi chi thưởng)"), required=False)

    def __init__(
        self, *args: Any, decisions: Iterable[tuple[str, str]] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "decision").choices = [("", "—"), *decisions]
