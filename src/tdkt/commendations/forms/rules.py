"""Forms of the rules pages: a case without writing JSON, the JSON itself, a parameter change.

The evaluation form only collects facts: its fields are made from the engine's case schema
(`schema_forms.form_field`), it builds the contract's case document, and the engine checks
it. A problem the engine finds comes back with its JSON path and is shown, in Vietnamese,
under the input it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.commendations.schema_forms import form_field
from tdkt.rules.codes import COLLECTIVE, INDIVIDUAL
from tdkt.rules.schema import CASE, Problem
from tdkt.rules.schema.case import COLLECTIVE_COUNTS
from tdkt.web.forms.widgets import choice_field

RATING_YEARS = 6  # the form asks for six years; a longer history goes through the JSON box
AWARD_ROWS = 5
INITIATIVE_ROWS = 3
DISCIPLINE_ROWS = 2
MAX_JSON_CHARS = 1024 * 1024

NONE = ("", "—")


class EvaluateForm(forms.Form):
    """The facts of one person or collective, as an emulation officer knows them."""

    def __init__(
        self, *args: Any, lang: str = "vi", rule_sets: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        today = timezone.localdate()
        kwargs.setdefault("initial", {"year": today.year - 1, "as_of": today, "kind": INDIVIDUAL})
        super().__init__(*args, **kwargs)
        self.lang = lang
        self.schema_paths: dict[str, str] = {}
        self._add("kind", "subject.kind", lang, widget=forms.RadioSelect)
        self._add("year", "year", lang)
        self._add("as_of", "as_of", lang)
        self._add("rule_set", "rule_set", lang, required=False)
        choice_field(self, "rule_set").choices = [
            ("auto", _("Tự động theo ngày quyết định")),
            *rule_sets,
        ]
        self._add("recruited_on", "subject.recruited_on", lang)
        for k in range(RATING_YEARS):
            self._add(f"rating_{k}", "ratings.rating", lang, required=False, blank=NONE)
        for i in range(AWARD_ROWS):
            self._add(f"award_year_{i}", "awards.year", lang, required=False)
            self._add(f"award_code_{i}", "awards.code", lang, required=False, blank=NONE)
        for i in range(INITIATIVE_ROWS):
            self._add(f"init_id_{i}", "initiatives.id", lang, required=False)
            self._add(f"init_year_{i}", "initiatives.year", lang, required=False)
            self._add(f"init_scope_{i}", "initiatives.scope", lang, required=False, blank=NONE)
            self._add(
                f"init_used_{i}",
                "initiatives.used_for",
                lang,
                required=False,
                blank=("", _("Chưa dùng")),
            )
        for i in range(DISCIPLINE_ROWS):
            self._add(f"disc_year_{i}", "discipline.year", lang, required=False)
            self._add(f"disc_level_{i}", "discipline.level", lang, required=False, blank=NONE)
        self._add("ballot_yes", "ballot.yes", lang, required=False)
        self._add("ballot_members", "ballot.members", lang, required=False)
        self._add("members", "collective.members", lang, required=False)
        for name in COLLECTIVE_COUNTS:
            self._add(name, f"collective.{name}", lang)
        self.fields["leads_block"] = forms.ChoiceField(
            label=CASE.at("collective.leads_block").label.get(lang),
            choices=[("", _("Chưa rõ")), ("yes", _("Có")), ("no", _("Không"))],
            required=False,
        )
        self.schema_paths["leads_block"] = "collective.leads_block"
        self._add("candidates", "candidates", lang, widget=forms.CheckboxSelectMultiple)

    def _add(self, name: str, path: str, lang: str, **kwargs: Any) -> None:
        """Add the form field of a schema field and remember which one it came from."""
        self.fields[name] = form_field(path, lang, **kwargs)
        self.schema_paths[name] = path

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

    def _typed(self, name: str) -> bool:
        """Tell whether something was typed in an input (valid or not)."""
        raw = self.data.get(self.add_prefix(name))
        return raw not in (None, "")

    def _pairs(self, first: str, second: str, count: int) -> None:
        """Ask for both halves of a row (year and code, year and level) or neither."""
        for i in range(count):
            a, b = self._typed(f"{first}_{i}"), self._typed(f"{second}_{i}")
            if b and not a:
                self.add_error(f"{first}_{i}", _("Nhập năm."))
            elif a and not b:
                self.add_error(f"{second}_{i}", _("Chọn một giá trị."))

    def clean(self) -> dict[str, Any]:
        """Catch half-filled rows here; the engine checks everything else."""
        data = super().clean() or {}
        self._pairs("award_year", "award_code", AWARD_ROWS)
        self._pairs("disc_year", "disc_level", DISCIPLINE_ROWS)
        for i in range(INITIATIVE_ROWS):
            parts = [f"init_{p}_{i}" for p in ("id", "year", "scope", "used")]
            if any(self._typed(name) for name in parts):
                for name in parts[:3]:
                    if not self._typed(name):
                        self.add_error(name, _("Bắt buộc khi khai báo sáng kiến."))
        if self._typed("ballot_yes") != self._typed("ballot_members"):
            self.add_error("ballot_members", _("Nhập cả số phiếu đồng ý và tổng số thành viên."))
        return data

    # --- the case document ----------------------------------------------------------------------

    def to_case(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Return the contract's case dict and, for error display, JSON path → form field."""
        d = self.cleaned_data
        year: int = d["year"]
        paths = {"as_of": "as_of", "year": "year", "rule_set": "rule_set", "subject": "kind"}
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
                at = f"awards[{len(case['awards'])}]"
                paths |= {at: f"award_code_{i}", f"{at}.year": f"award_year_{i}"}
                case["awards"].append({"year": d[f"award_year_{i}"], "code": d[f"award_code_{i}"]})
        for i in range(INITIATIVE_ROWS):
            if d.get(f"init_id_{i}"):
                at = f"initiatives[{len(case['initiatives'])}]"
                paths |= {at: f"init_id_{i}", f"{at}.year": f"init_year_{i}"}
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
                at = f"discipline[{len(case['discipline'])}]"
                paths |= {at: f"disc_level_{i}", f"{at}.year": f"disc_year_{i}"}
                case["discipline"].append(
                    {"year": d[f"disc_year_{i}"], "level": d[f"disc_level_{i}"]}
                )
        if d.get("ballot_members") is not None:
            case["ballot"] = {"yes": d["ballot_yes"], "members": d["ballot_members"]}
            paths |= {"ballot": "ballot_members", "ballot.yes": "ballot_yes"}
        typed = any(self._typed(n) for n in ("members", *COLLECTIVE_COUNTS, "leads_block"))
        if d["kind"] == COLLECTIVE and typed:  # nothing typed: the engine says what is missing
            leads = {"yes": True, "no": False}.get(d.get("leads_block") or "")
            case["collective"] = {
                "members": d.get("members"),
                **{name: d.get(name) or 0 for name in COLLECTIVE_COUNTS},
                "leads_block": leads,
            }
        paths["collective"] = "members"
        paths |= {f"collective.{name}": name for name in COLLECTIVE_COUNTS}
        if d.get("candidates"):
            case["candidates"] = list(d["candidates"])
        paths["candidates"] = "candidates"
        return case, paths

    def add_engine_problems(self, problems: tuple[Problem, ...], paths: dict[str, str]) -> None:
        """Show the engine's problems under the inputs they came from, in the page's language."""
        for problem in problems:
            field = _field_for(problem.path, paths)
            message = problem.message(self.lang)
            self.add_error(field, message if field else problem.line(self.lang))


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

    def add_engine_problems(self, problems: tuple[Problem, ...], lang: str) -> None:
        """Show every problem under the text box, each naming its JSON path."""
        for problem in problems:
            self.add_error("case_json", problem.line(lang))


SCOPE_ONE, SCOPE_ALL = "one", "all"


class ParameterForm(forms.Form):
    """An officer's change of one parameter: the value, where it applies, its legal basis."""

    name = forms.CharField(widget=forms.HiddenInput)
    value = forms.CharField(label=gettext_lazy("Giá trị mới"), max_length=100, required=False)
    scope = forms.ChoiceField(
        label=gettext_lazy("Áp dụng cho"),
        choices=[(SCOPE_ONE, SCOPE_ONE), (SCOPE_ALL, SCOPE_ALL)],
        initial=SCOPE_ONE,
        required=False,
        widget=forms.RadioSelect,
    )
    basis = forms.CharField(
        label=gettext_lazy("Căn cứ (văn bản, điều khoản hoặc lý do)"), max_length=500
    )
    version_one = forms.CharField(required=False, widget=forms.HiddenInput)
    version_all = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_scope(self) -> str:
        """Without a choice the change applies to the rule set being viewed (the safer one)."""
        return str(self.cleaned_data.get("scope") or SCOPE_ONE)

    def expected_version(self) -> str:
        """Return the version the officer saw of the value being changed."""
        d = self.cleaned_data
        return str(d["version_one"] if d["scope"] == SCOPE_ONE else d["version_all"])
