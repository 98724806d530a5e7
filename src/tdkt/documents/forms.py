"""The forms of the import pages (parsing only; the work is ``jobs.import_start``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importing import Importer
from .selectors import AUTO


def _importer_choices(importers: list[Importer]) -> list[tuple[str, Any]]:
    """ "Recognise from the header row" first, then each importer the user may run."""
    auto = (AUTO, gettext_lazy("Tự nhận biết theo dòng tiêu đề của tệp"))
    return [auto, *((i.name, i.title) for i in importers)]


class _ImporterChoice(forms.Form):
    importer = forms.ChoiceField(label=gettext_lazy("Loại dữ liệu"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Chỉ kiểm tra, chưa ghi dữ liệu"), required=False
    )

    def __init__(self, *args: Any, importers: list[Importer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["importer"]
        if not isinstance(field, forms.ChoiceField):
            raise TypeError("'importer' is not a choice field")
        field.choices = _importer_choices(importers)


class ImportForm(_ImporterChoice):
    """Choose a kind (or let the file's headers tell) and a file; its size is checked first."""

    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx) hoặc CSV (UTF-8)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    field_order = ["importer", "file", "dry_run"]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.TDKT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn; giới hạn là %(mb)s MB.") % {"mb": round(limit / 1024 / 1024, 1)}
            )
        return upload


class RetryForm(_ImporterChoice):
    """Run the kept file again: as another kind, or for real after a dry run."""
