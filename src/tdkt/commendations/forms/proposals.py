"""Forms of a proposal: its letter, a line, a dossier file, a move, the appraisal, an import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tdkt.commendations.constants import AppraisalReason, AppraisalVerdict, AttachmentKind
from tdkt.commendations.forms.rounds import code_choices
from tdkt.commendations.models import ProposalLine
from tdkt.commendations.uploads import MB, max_bytes
from tdkt.web.forms.widgets import DateInput, choice_field


class VersionedForm(forms.Form):
    """A form that carries the proposal's version it was drawn from (stale edits are refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @property
    def expected_version(self) -> int | None:
        """The version the page showed."""
        value = self.cleaned_data.get("version")
        return int(value) if value is not None else None


class ProposalForm(VersionedForm):
    """The unit's own letter (number, date) and a note."""

    letter_number = forms.CharField(
        label=_("Số tờ trình của đơn vị"), max_length=50, required=False
    )
    letter_date = forms.DateField(label=_("Ngày tờ trình"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        return {k: self.cleaned_data[k] for k in ("letter_number", "letter_date", "note")}


class LineForm(VersionedForm):
    """The code and achievement summary of one line."""

    code = forms.ChoiceField(label=_("Danh hiệu, hình thức"))
    achievement = forms.CharField(
        label=_("Tóm tắt thành tích"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, codes: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "code").choices = code_choices(tuple(codes))


def bounded_upload(upload: Any, limit: int) -> Any:
    """Refuse an upload over ``limit`` bytes by the size Django counted while receiving it,
    so the view never reads an oversized file into memory."""
    if upload is not None and upload.size > limit:
        raise forms.ValidationError(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(upload.size / MB, 1), "limit": round(limit / MB, 1)}
        )
    return upload


class AttachmentForm(VersionedForm):
    """One dossier file and its kind."""

    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=AttachmentKind.choices)
    file = forms.FileField(
        label=_("Tệp"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )

    def clean_file(self) -> Any:
        return bounded_upload(self.cleaned_data["file"], max_bytes())


class MoveForm(VersionedForm):
    """One step of the workflow, with a reason when the step asks for one."""

    to_state = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AddLinesForm(VersionedForm):
    """The selection made on the eligibility page: ``key:code`` pairs."""

    pick = forms.MultipleChoiceField(required=False)

    def __init__(self, *args: Any, allowed: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "pick").choices = [(value, value) for value in allowed]


class LineImportForm(forms.Form):
    """A spreadsheet of lines for the proposal."""

    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc CSV"))
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, chưa ghi dữ liệu"), required=False)

    def clean_file(self) -> Any:
        return bounded_upload(self.cleaned_data["file"], settings.TDKT_IMPORT_MAX_BYTES)


class AppraisalForm(VersionedForm):
    """ "Đủ / không đủ điều kiện" with a coded reason and a note, for each line."""

    def __init__(self, *args: Any, lines: Sequence[ProposalLine] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            self.fields[f"verdict_{line.pk}"] = forms.ChoiceField(
                label=_("Kết quả"),
                choices=AppraisalVerdict.choices,
                initial=line.appraisal,
            )
            self.fields[f"reason_{line.pk}"] = forms.ChoiceField(
                label=_("Lý do"),
                choices=[("", "—"), *AppraisalReason.choices],
                required=False,
                initial=line.appraisal_reason,
            )
            self.fields[f"note_{line.pk}"] = forms.CharField(
                label=_("Ý kiến"), required=False, max_length=2000, initial=line.appraisal_note
            )

    def rows(self) -> list[tuple[ProposalLine, Any, Any, Any]]:
        """Return each line with its three bound fields, for the template."""
        return [
            (line, self[f"verdict_{line.pk}"], self[f"reason_{line.pk}"], self[f"note_{line.pk}"])
            for line in self.lines
        ]

    def findings(self) -> dict[ProposalLine, tuple[str, str, str]]:
        """Return (verdict, reason, note) per line."""
        return {
            line: (
                self.cleaned_data[f"verdict_{line.pk}"],
                self.cleaned_data.get(f"reason_{line.pk}") or "",
                self.cleaned_data.get(f"note_{line.pk}") or "",
            )
            for line in self.lines
        }
