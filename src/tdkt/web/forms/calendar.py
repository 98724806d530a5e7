"""The officers' form for an announced day off or make-up working day."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import CalendarDayKind

from .widgets import DateInput


class CalendarDayForm(forms.Form):
    """Parse a new calendar entry; ``calendar_day_set`` validates it."""

    day = forms.DateField(
        label=_("Ngày"),
        widget=DateInput(),
        error_messages={"required": _("Chọn ngày."), "invalid": _("Ngày không hợp lệ.")},
    )
    kind = forms.ChoiceField(
        label=_("Loại"),
        choices=CalendarDayKind.choices,
        error_messages={"required": _("Chọn ngày nghỉ hoặc ngày làm việc bù.")},
    )
    note = forms.CharField(
        label=_("Căn cứ"),
        max_length=300,
        help_text=_("Văn bản công bố, ví dụ: Thông báo 6150/TB-LĐTBXH."),
        error_messages={"required": _("Cần ghi văn bản công bố.")},
    )
