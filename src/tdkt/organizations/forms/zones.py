"""Industrial zone form, used as a full page and as an editable table row."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.constants import ZoneKind, ZoneStatus
from tdkt.organizations.services.zones import ZONE_FIELDS
from tdkt.web.forms.versions import VersionedForm


class ZoneForm(VersionedForm):
    """Fields of ``zone_create`` / ``zone_update``; the service checks name and area."""

    name = forms.CharField(
        label=_("Tên"),
        max_length=200,
        error_messages={"required": _("Tên khu công nghiệp là bắt buộc.")},
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=ZoneKind.choices, initial=ZoneKind.INDUSTRIAL)
    district = forms.CharField(label=_("Địa bàn"), max_length=120, required=False)
    # No min_value: the service's "Diện tích phải lớn hơn 0." is the one message for it.
    area_ha = forms.DecimalField(
        label=_("Diện tích (ha)"),
        required=False,
        max_digits=10,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=ZoneStatus.choices, initial=ZoneStatus.OPERATING
    )

    def service_data(self) -> dict[str, Any]:
        """Return the cleaned values under the service's argument names."""
        return {name: self.cleaned_data[name] for name in ZONE_FIELDS}

    def as_row_of(self, html_form_id: str) -> None:
        """Prepare the inputs for an editable table row: tie each to the ``<form id=…>`` in the
        row's last cell (a form cannot wrap table cells), so Enter in any input and the "Lưu"
        button both submit it. (tdkt.js puts the cursor in the row once htmx has swapped it.)"""
        for field in self.fields.values():
            if not field.widget.is_hidden:  # hidden inputs sit inside the <form> itself
                field.widget.attrs["form"] = html_form_id
