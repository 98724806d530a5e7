"""The upload form of the import page (parsing only; the run is ``services.import_run``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importing import Importer


class ImportForm(forms.Form):
    """Choose an importer and a file; the file size is checked before it is read."""

    importer = forms.ChoiceField(label=gettext_lazy("Loại dữ liệu"))
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx) hoặc CSV (UTF-8)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Chỉ kiểm tra, chưa ghi dữ liệu"), required=False
    )

    def __init__(self, *args: Any, importers: list[Importer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["importer"]
        if not isinstance(field, forms.ChoiceField):
            raise TypeError("'importer' is not a choice field")
        field.choices = [(i.name, i.title) for i in importers]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.TDKT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn; giới hạn là %(mb)s MB.") % {"mb": round(limit / 1024 / 1024, 1)}
            )
        return upload
