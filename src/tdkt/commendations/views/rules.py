"""Pages about the legal rules: titles and forms explained, officer-set parameters, a checker."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget

from tdkt import rules
from tdkt.accounts.scopes import scope_for
from tdkt.commendations.evaluation import CaseError, evaluate_document, problems_by_path
from tdkt.commendations.forms.rules import EvaluateForm, JsonCaseForm
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.services import rule_parameter_clear, rule_parameter_set
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.core.vnwords import amount_in_words
from tdkt.rules.codes import AWARD_CODES as CODES
from tdkt.rules.labels import CODE_LABELS, VOTE_LABELS
from tdkt.web.decorators import HtmxHttpRequest, web_view
from tdkt.web.forms.errors import apply_service_error


def _lang() -> str:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def _rule_set(request: HttpRequest, overrides: dict[str, str]) -> str:
    wanted = request.GET.get("rule_set") or request.POST.get("rule_set_view") or ""
    if wanted in rules.REGISTRY.names():
        return wanted
    return rules.REGISTRY.latest(overrides).name


@web_view
def rule_list(request: HttpRequest) -> HttpResponse:
    """List every title and form the engine knows, with a link to its explanation."""
    overrides = rule_overrides()
    rule_set = _rule_set(request, overrides)
    lang = _lang()
    codes = [{"code": code, "label": CODE_LABELS[lang][code]} for code in CODES]
    return render(
        request,
        "commendations/rule_list.html",
        {"codes": codes, "rule_set": rule_set, "rule_sets": rules.REGISTRY.names()},
    )


@web_view
def rule_explain(request: HttpRequest, code: str) -> HttpResponse:
    """Show the conditions of one title or form with citations: the CLI's `explain` text."""
    if code not in CODES:
        raise Http404
    overrides = rule_overrides()
    rule_set_name = _rule_set(request, overrides)
    rule_set = rules.REGISTRY.get(rule_set_name)
    values = rules.REGISTRY.values(rule_set, overrides)
    text = rules.explain_text(rule_set, code, values, _lang())
    return render(
        request,
        "commendations/rule_explain.html",
        {
            "code": code,
            "label": CODE_LABELS[_lang()][code],
            "text": text,
            "rule_set": rule_set_name,
            "rule_sets": rules.REGISTRY.names(),
        },
    )


class ParameterForm(forms.Form):
    """An officer's change of one parameter, with its legal basis."""

    name = forms.CharField(widget=forms.HiddenInput)
    value = forms.CharField(label=gettext_lazy("Giá trị mới"), max_length=100, required=False)
    scope_one = forms.BooleanField(
        label=gettext_lazy("Chỉ áp dụng cho bộ quy tắc đang xem"), required=False
    )
    basis = forms.CharField(label=gettext_lazy("Căn cứ"), max_length=500)


@web_view
def rule_parameters(request: HttpRequest) -> HttpResponse:
    """List the parameters of a rule set; board-wide writers may change them."""
    overrides = rule_overrides()
    rule_set = _rule_set(request, overrides)
    can_edit = scope_for(request.user).everything and scope_for(request.user).can_write
    form = ParameterForm()
    if request.method == "POST":
        if not can_edit:
            raise PermissionDeniedError(
                _("Chỉ cán bộ thi đua – khen thưởng được thay đổi tham số.")
            )
        if request.POST.get("clear"):
            rule_parameter_clear(actor=request.user, key=request.POST["clear"])
            messages.success(request, _("Đã trả tham số về giá trị mặc định."))
            return redirect(f"{request.path}?rule_set={rule_set}")
        form = ParameterForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                rule_parameter_set(
                    actor=request.user,
                    name=data["name"],
                    value=data["value"],
                    basis=data["basis"],
                    rule_set=rule_set if data["scope_one"] else "",
                )
            except ApplicationError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, _("Đã lưu tham số %(name)s.") % {"name": data["name"]})
                return redirect(f"{request.path}?rule_set={rule_set}")
    rows = []
    for pv in rules.list_parameters(rule_set, overrides):
        p = pv.parameter
        own_keys = [k for k in (f"{rule_set}:{p.name}", p.name) if k in overrides]
        rows.append({"pv": pv, "p": p, "keys": own_keys})
    return render(
        request,
        "commendations/rule_parameters.html",
        {
            "rows": rows,
            "rule_set": rule_set,
            "rule_sets": rules.REGISTRY.names(),
            "can_edit": can_edit,
            "form": form,
            "editing": request.POST.get("name") if form.errors else request.GET.get("edit"),
        },
    )


def _vnd(amount: int | None, lang: str) -> str:
    """Format an amount of đồng with the thousands separator of the language (2.340.000)."""
    if amount is None:
        return "—"
    text = f"{amount:,}"
    return text.replace(",", ".") if lang == "vi" else text


_MARKS = {True: ("✓", "ok"), False: ("✗", "failed"), None: ("…", "pending")}


def _verdict_rows(results: list[dict[str, Any]], lang: str, rule_set: str) -> list[dict[str, Any]]:
    """Turn the contract's verdicts into table rows: labels, money in figures and in words."""
    rows = []
    for v in results:
        prize = v["prize_vnd"]
        rows.append(
            {
                "code": v["code"],
                "label": CODE_LABELS[lang][v["code"]],
                "eligible": v["eligible"],
                "vote": VOTE_LABELS[lang][v["vote"]],
                "vote_code": v["vote"],
                "coefficient": v["prize_coefficient"],
                "prize": _vnd(prize, lang),
                "prize_words": amount_in_words(prize) if prize is not None else "",
                "conditions": [
                    {**c, "mark": _MARKS[c["ok"]][0], "css": _MARKS[c["ok"]][1]}
                    for c in v["conditions"]
                ],
                "explain_url": f"{reverse('commendations:rule-explain', args=[v['code']])}"
                f"?rule_set={rule_set}",
            }
        )
    return rows


def _present(output: dict[str, Any], lang: str) -> dict[str, Any]:
    """Shape an evaluation (single case or unit batch) for the results template."""
    rule_set = output["rule_set"]
    batch = "caps" in output
    parts = output["results"] if batch else [{"id": None, "results": output["results"]}]
    sections = []
    for part in parts:
        rows = _verdict_rows(part["results"], lang, rule_set)
        sections.append(
            {"id": part["id"], "rows": rows, "eligible": [r for r in rows if r["eligible"]]}
        )
    return {
        "rule_set": rule_set,
        "as_of": output["as_of"],
        "year": output["year"],
        "base_salary": _vnd(output["base_salary_vnd"], lang),
        "sections": sections,
        "caps": [
            {**cap, "label": CODE_LABELS[lang][cap["code"]]} for cap in output.get("caps", [])
        ],
    }


@web_view
def rule_evaluate(request: HtmxHttpRequest) -> HttpResponse:
    """Check a person or collective against the rules, with the same engine as the API.

    The form builds the contract's case document; the pasted JSON is used as is. Both go
    through ``evaluate_document`` with the officer-set parameters, so the page, the API and
    ``tdkt rules evaluate`` agree. An htmx submit swaps only the results; when the input has
    errors the whole form is swapped instead, so the messages appear next to the inputs.
    """
    lang = _lang()
    form = EvaluateForm(lang=lang)
    json_form = JsonCaseForm()
    output = None
    if request.method == "POST":
        if request.POST.get("mode") == "json":
            json_form = JsonCaseForm(request.POST)
            if json_form.is_valid():
                try:
                    output = evaluate_document(json_form.cleaned_data["case_json"], lang=lang)
                except CaseError as exc:
                    json_form.add_engine_problems(problems_by_path(exc.problems))
        else:
            form = EvaluateForm(request.POST, lang=lang)
            if form.is_valid():
                case, paths = form.to_case()
                try:
                    output = evaluate_document(json.dumps(case), lang=lang)
                except CaseError as exc:
                    form.add_engine_problems(problems_by_path(exc.problems), paths)
    context = {
        "form": form,
        "json_form": json_form,
        "mode": request.POST.get("mode", "form"),
        "result": None if output is None else _present(output, lang),
    }
    if request.htmx and request.method == "POST":
        if output is not None:
            response = render(request, "commendations/_evaluate_results.html", context)
        else:
            response = render(request, "commendations/_evaluate_body.html", context)
            response = reswap(retarget(response, "#rule-evaluate"), "outerHTML")
    else:
        response = render(request, "commendations/rule_evaluate.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response
