"""Forms of the indicator and dossier pages: the upload and the report period."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.web.forms.widgets import DateInput


class UploadForm(forms.Form):
    """A spreadsheet to import; its size is checked before it is read."""

    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx) hoặc CSV (UTF-8)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Chỉ kiểm tra, chưa ghi dữ liệu"), required=False
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.TDKT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn; giới hạn là %(mb)s MB.") % {"mb": round(limit / 1024 / 1024, 1)}
            )
        return upload


class PeriodForm(forms.Form):
    """The period of the dossier report and the day the dossiers are counted as of."""

    date_from = forms.DateField(label=gettext_lazy("Tiếp nhận từ ngày"), widget=DateInput())
    date_to = forms.DateField(label=gettext_lazy("Đến ngày"), widget=DateInput())
    as_of = forms.DateField(label=gettext_lazy("Tình trạng tại ngày"), widget=DateInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, date) and isinstance(end, date) and start > end:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))
        return data
