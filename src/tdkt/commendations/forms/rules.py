"""Forms of the page "Kiểm tra điều kiện khen thưởng": a case without writing JSON, or the JSON.

The form only collects facts; it builds the contract's case document (the JSON of
`tdkt rules evaluate`), which the engine's own parser then validates. A problem the parser
finds comes back as a ``path: message`` line and is shown under the input it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.rules import REGISTRY
from tdkt.rules.codes import (
    AWARD_CODES,
    COLLECTIVE,
    INDIVIDUAL,
    MAX_YEAR,
    MIN_YEAR,
    applies_to,
)
from tdkt.rules.labels import CODE_LABELS
from tdkt.web.forms.widgets import DateInput, choice_field

RATING_YEARS = 6  # the form asks for six years; a longer history goes through the JSON box
AWARD_ROWS = 5
INITIATIVE_ROWS = 3
DISCIPLINE_ROWS = 2
MAX_JSON_CHARS = 1024 * 1024

NONE = [("", "—")]
KINDS = [(INDIVIDUAL, gettext_lazy("Cá nhân")), (COLLECTIVE, gettext_lazy("Tập thể"))]
RATINGS = [
    ("excellent", gettext_lazy("Hoàn thành xuất sắc")),
    ("good", gettext_lazy("Hoàn thành tốt")),
    ("complete", gettext_lazy("Hoàn thành")),
    ("incomplete", gettext_lazy("Không hoàn thành")),
]
SCOPES = [
    ("grassroots", gettext_lazy("Cơ sở")),
    ("provincial", gettext_lazy("Cấp bộ, ngành, tỉnh")),
    ("national", gettext_lazy("Toàn quốc")),
]
DISCIPLINE = [
    ("reprimand", gettext_lazy("Khiển trách")),
    ("warning", gettext_lazy("Cảnh cáo")),
    ("demotion", gettext_lazy("Hạ bậc, cách chức")),
    ("dismissal", gettext_lazy("Buộc thôi việc")),
]
LEADS_BLOCK = [
    ("", gettext_lazy("Chưa rõ")),
    ("yes", gettext_lazy("Có")),
    ("no", gettext_lazy("Không")),
]
COLLECTIVE_COUNTS = {
    "members_completing_tasks": gettext_lazy("Số thành viên hoàn thành nhiệm vụ"),
    "members_advanced_worker": gettext_lazy("Số thành viên đạt Lao động tiên tiến"),
    "members_grassroots_fighter": gettext_lazy("Số thành viên đạt Chiến sĩ thi đua cơ sở"),
    "members_disciplined_warning_or_above": gettext_lazy(
        "Số thành viên bị kỷ luật từ cảnh cáo trở lên"
    ),
}


def _year(**kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "year"}),
        **kwargs,
    )


def _count(label: Any, *, minimum: int = 0) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=minimum)


class EvaluateForm(forms.Form):
    """The facts of one person or collective, as an emulation officer knows them."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Đối tượng"), choices=KINDS, initial=INDIVIDUAL, widget=forms.RadioSelect
    )
    year = _year(label=gettext_lazy("Năm xét thành tích"))
    as_of = forms.DateField(label=gettext_lazy("Ngày quyết định khen thưởng"), widget=DateInput())
    rule_set = forms.ChoiceField(label=gettext_lazy("Bộ quy tắc"), initial="auto", required=False)
    recruited_on = forms.DateField(
        label=gettext_lazy("Ngày bắt đầu công tác liên tục tại cơ quan"),
        required=False,
        widget=DateInput(),
        help_text=gettext_lazy("Để trống nếu đã công tác cả năm xét."),
    )
    ballot_yes = _count(gettext_lazy("Số phiếu đồng ý"))
    ballot_members = _count(gettext_lazy("Tổng số thành viên Hội đồng"), minimum=1)
    members = _count(gettext_lazy("Tổng số thành viên của tập thể"), minimum=1)
    leads_block = forms.ChoiceField(
        label=gettext_lazy("Dẫn đầu khối, cụm thi đua"), choices=LEADS_BLOCK, required=False
    )
    candidates = forms.MultipleChoiceField(
        label=gettext_lazy("Danh hiệu, hình thức cần kiểm tra"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Không chọn: kiểm tra mọi danh hiệu, hình thức áp dụng."),
    )

    def __init__(self, *args: Any, lang: str = "vi", **kwargs: Any) -> None:
        today = timezone.localdate()
        kwargs.setdefault("initial", {"year": today.year - 1, "as_of": today})
        super().__init__(*args, **kwargs)
        labels = CODE_LABELS[lang]
        codes = [(code, labels[code]) for code in AWARD_CODES]
        self.code_labels = dict(codes)
        choice_field(self, "rule_set").choices = [
            ("auto", _("Tự động theo ngày quyết định")),
            *[(name, name) for name in REGISTRY.names()],
        ]
        choice_field(self, "candidates").choices = codes
        for k in range(RATING_YEARS):
            self.fields[f"rating_{k}"] = forms.ChoiceField(
                choices=[*NONE, *RATINGS], required=False
            )
        for i in range(AWARD_ROWS):
            self.fields[f"award_year_{i}"] = _year(required=False)
            self.fields[f"award_code_{i}"] = forms.ChoiceField(
                choices=[*NONE, *codes], required=False
            )
        for i in range(INITIATIVE_ROWS):
            self.fields[f"init_id_{i}"] = forms.CharField(max_length=100, required=False)
            self.fields[f"init_year_{i}"] = _year(required=False)
            self.fields[f"init_scope_{i}"] = forms.ChoiceField(
                choices=[*NONE, *SCOPES], required=False
            )
            self.fields[f"init_used_{i}"] = forms.ChoiceField(
                choices=[("", _("Chưa dùng")), *codes], required=False
            )
        for i in range(DISCIPLINE_ROWS):
            self.fields[f"disc_year_{i}"] = _year(required=False)
            self.fields[f"disc_level_{i}"] = forms.ChoiceField(
                choices=[*NONE, *DISCIPLINE], required=False
            )
        for name, label in COLLECTIVE_COUNTS.items():
            self.fields[name] = _count(label)

    # --- what the template lays out as rows ------------------------------------------------

    def evaluated_year(self) -> int | None:
        """Return the year being evaluated as typed (bound) or proposed (unbound)."""
        raw = self.data.get("year") if self.is_bound else self.initial.get("year")
        try:
            return int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None

    def rating_rows(self) -> list[dict[str, Any]]:
        """Return one select per year, the evaluated year first."""
        year = self.evaluated_year()
        return [
            {"year": None if year is None else year - k, "offset": k, "field": self[f"rating_{k}"]}
            for k in range(RATING_YEARS)
        ]

    def _rows(self, prefixes: tuple[str, ...], count: int) -> list[list[forms.BoundField]]:
        return [[self[f"{p}_{i}"] for p in prefixes] for i in range(count)]

    def award_rows(self) -> list[list[forms.BoundField]]:
        """Return the (year, code) inputs of awards already granted."""
        return self._rows(("award_year", "award_code"), AWARD_ROWS)

    def initiative_rows(self) -> list[list[forms.BoundField]]:
        """Return the (id, year, scope, used for) inputs of initiatives."""
        return self._rows(("init_id", "init_year", "init_scope", "init_used"), INITIATIVE_ROWS)

    def discipline_rows(self) -> list[list[forms.BoundField]]:
        """Return the (year, level) inputs of discipline."""
        return self._rows(("disc_year", "disc_level"), DISCIPLINE_ROWS)

    def collective_fields(self) -> Iterator[forms.BoundField]:
        """Return the inputs that only matter for a collective."""
        for name in ("members", *COLLECTIVE_COUNTS, "leads_block"):
            yield self[name]

    # --- validation ---------------------------------------------------------------------------

    def _pairs(self, data: dict[str, Any], first: str, second: str, count: int) -> None:
        """Ask for both halves of a row (year and code, year and level) or neither."""
        for i in range(count):
            a, b = data.get(f"{first}_{i}"), data.get(f"{second}_{i}")
            if a in (None, "") and b:
                self.add_error(f"{first}_{i}", _("Nhập năm."))
            elif a not in (None, "") and not b:
                self.add_error(f"{second}_{i}", _("Chọn một giá trị."))

    def clean(self) -> dict[str, Any]:
        """Catch half-filled rows here; the engine checks everything else."""
        data = super().clean() or {}
        self._pairs(data, "award_year", "award_code", AWARD_ROWS)
        self._pairs(data, "disc_year", "disc_level", DISCIPLINE_ROWS)
        for i in range(INITIATIVE_ROWS):
            parts = [data.get(f"init_{p}_{i}") for p in ("id", "year", "scope")]
            if any(v not in (None, "") for v in parts) or data.get(f"init_used_{i}"):
                for p, v in zip(("id", "year", "scope"), parts, strict=True):
                    if v in (None, ""):
                        self.add_error(f"init_{p}_{i}", _("Bắt buộc khi khai báo sáng kiến."))
        if (data.get("ballot_yes") is None) != (data.get("ballot_members") is None):
            self.add_error("ballot_members", _("Nhập cả số phiếu đồng ý và tổng số thành viên."))
        kind = data.get("kind")
        if kind == COLLECTIVE and data.get("members") is None:
            self.add_error("members", _("Bắt buộc với tập thể."))
        wrong = [c for c in data.get("candidates", []) if kind and not applies_to(c, kind)]
        if wrong:
            self.add_error(
                "candidates",
                _("Không áp dụng cho đối tượng đã chọn: %(codes)s.")
                % {"codes": ", ".join(self.code_labels[c] for c in wrong)},
            )
        year, as_of = data.get("year"), data.get("as_of")
        if isinstance(year, int) and isinstance(as_of, date) and year > as_of.year:
            self.add_error("year", _("Năm xét không thể sau ngày quyết định."))
        return data

    # --- the case document ----------------------------------------------------------------------

    def to_case(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Return the contract's case dict and, for error display, JSON path → form field."""
        d = self.cleaned_data
        year: int = d["year"]
        paths = {"as_of": "as_of", "year": "year", "rule_set": "rule_set"}
        subject: dict[str, Any] = {"kind": d["kind"]}
        if d["kind"] == INDIVIDUAL and d.get("recruited_on"):
            subject["recruited_on"] = d["recruited_on"].isoformat()
            paths["subject.recruited_on"] = "recruited_on"
        case: dict[str, Any] = {
            "as_of": d["as_of"].isoformat(),
            "year": year,
            "rule_set": d.get("rule_set") or "auto",
            "subject": subject,
            "ratings": {},
            "awards": [],
            "initiatives": [],
            "discipline": [],
        }
        for k in range(RATING_YEARS):
            if d.get(f"rating_{k}"):
                case["ratings"][str(year - k)] = d[f"rating_{k}"]
                paths[f"ratings.{year - k}"] = f"rating_{k}"
        for i in range(AWARD_ROWS):
            if d.get(f"award_code_{i}"):
                paths[f"awards[{len(case['awards'])}]"] = f"award_code_{i}"
                case["awards"].append({"year": d[f"award_year_{i}"], "code": d[f"award_code_{i}"]})
        for i in range(INITIATIVE_ROWS):
            if d.get(f"init_id_{i}"):
                paths[f"initiatives[{len(case['initiatives'])}]"] = f"init_id_{i}"
                case["initiatives"].append(
                    {
                        "id": d[f"init_id_{i}"],
                        "year": d[f"init_year_{i}"],
                        "scope": d[f"init_scope_{i}"],
                        "used_for": d.get(f"init_used_{i}") or None,
                    }
                )
        for i in range(DISCIPLINE_ROWS):
            if d.get(f"disc_level_{i}"):
                paths[f"discipline[{len(case['discipline'])}]"] = f"disc_level_{i}"
                case["discipline"].append(
                    {"year": d[f"disc_year_{i}"], "level": d[f"disc_level_{i}"]}
                )
        if d.get("ballot_members") is not None:
            case["ballot"] = {"yes": d["ballot_yes"], "members": d["ballot_members"]}
            paths |= {"ballot": "ballot_members", "ballot.yes": "ballot_yes"}
        if d["kind"] == COLLECTIVE:
            leads = {"yes": True, "no": False}.get(d.get("leads_block") or "")
            case["collective"] = {
                "members": d["members"],
                **{name: d.get(name) or 0 for name in COLLECTIVE_COUNTS},
                "leads_block": leads,
            }
            paths["collective"] = "members"
            paths |= {f"collective.{name}": name for name in COLLECTIVE_COUNTS}
        if d.get("candidates"):
            case["candidates"] = list(d["candidates"])
            paths["candidates"] = "candidates"
        return case, paths

    def add_engine_problems(self, problems: dict[str, list[str]], paths: dict[str, str]) -> None:
        """Show the engine's ``path: message`` problems under the inputs they came from."""
        for path, messages in problems.items():
            field = _field_for(path, paths)
            for message in messages:
                self.add_error(field, message if field else f"{path}: {message}")


def _field_for(path: str, paths: dict[str, str]) -> str | None:
    """Find the form field of a JSON path, trying ``awards[0].year`` then ``awards[0]``."""
    while path:
        if path in paths:
            return paths[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


class JsonCaseForm(forms.Form):
    """The contract's JSON pasted as is, for people who already have a case file."""

    case_json = forms.CharField(
        label=gettext_lazy("Dữ liệu JSON (theo mẫu của lệnh tdkt rules evaluate)"),
        max_length=MAX_JSON_CHARS,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "mono"}),
    )

    def add_engine_problems(self, problems: dict[str, list[str]]) -> None:
        """Show every ``path: message`` line under the text box, each naming its JSON path."""
        for path, messages in problems.items():
            for message in messages:
                self.add_error("case_json", f"{path}: {message}")
