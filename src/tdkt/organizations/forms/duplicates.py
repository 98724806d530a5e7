"""The officer's note closing a duplicate to review."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DuplicateResolveForm(forms.Form):
    """What the officer found and did, kept with the entry and in its history."""

    resolution = forms.CharField(
        label=_("Kết quả xử lý"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: đã điều chuyển, đơn vị nhập nhầm số, số CCCD bị dùng sai."),
    )
