"""Pages about the legal rules: titles and forms explained, officer-set parameters, a checker.

Each page speaks to a civil servant: rule sets by their documents, dates as dd/mm/yyyy,
money as `1.234.567 đồng`, no internal codes (`presenters` does the wording).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget

from tdkt import rules
from tdkt.accounts.scopes import is_board_writer
from tdkt.commendations import presenters as show
from tdkt.commendations.evaluation import CaseError, evaluate_document, evaluate_json
from tdkt.commendations.forms.rules import SCOPE_ONE, EvaluateForm, JsonCaseForm, ParameterForm
from tdkt.commendations.selectors import rule_overrides, rule_parameter_records
from tdkt.commendations.services import (
    ParameterChangedError,
    ensure_can_change_parameters,
    rule_parameter_clear,
    rule_parameter_set,
    version_of,
)
from tdkt.core.errors import ApplicationError
from tdkt.core.vnwords import amount_in_words
from tdkt.rules.codes import AWARDS, SUBJECT_KINDS
from tdkt.rules.explain import parameters_of, requirements
from tdkt.rules.labels import CODE_LABELS, VOCABULARIES, VOTE_LABELS
from tdkt.web.decorators import HtmxHttpRequest, web_view
from tdkt.web.forms.errors import apply_service_error


def _rule_set(request: HttpRequest, overrides: dict[str, str]) -> str:
    wanted = request.GET.get("rule_set") or ""
    if wanted in rules.REGISTRY.names():
        return wanted
    return rules.REGISTRY.latest(overrides).name


def _picker(rule_set: str, overrides: dict[str, str], lang: str) -> dict[str, Any]:
    choices = show.rule_set_choices(overrides, lang)
    current = next(c for c in choices if c.name == rule_set)
    return {"rule_set": rule_set, "rule_sets": choices, "current": current}


@web_view
def rule_list(request: HttpRequest) -> HttpResponse:
    """List every title and form the engine knows, by category, with the subjects it suits."""
    overrides = rule_overrides()
    lang = show.current_lang()
    rule_set = _rule_set(request, overrides)
    groups = []
    for category in ("title", "form"):
        items = [
            {
                "code": a.code,
                "label": a.label.get(lang),
                "subjects": ", ".join(
                    VOCABULARIES["subject"][k].get(lang).lower() for k in a.subject_kinds
                ),
            }
            for a in AWARDS
            if a.category == category
        ]
        groups.append({"title": VOCABULARIES["category"][category].get(lang), "items": items})
    return render(
        request,
        "commendations/rule_list.html",
        {"groups": groups, **_picker(rule_set, overrides, lang)},
    )


@web_view
def rule_explain(request: HttpRequest, code: str) -> HttpResponse:
    """Show the conditions of one title or form, with their articles and parameters."""
    award = next((a for a in AWARDS if a.code == code), None)
    if award is None:
        raise Http404
    overrides = rule_overrides()
    lang = show.current_lang()
    rule_set_name = _rule_set(request, overrides)
    rule_set = rules.REGISTRY.get(rule_set_name)
    values = rules.REGISTRY.values(rule_set, overrides)
    plain = {n: pv.value for n, pv in values.items()}
    sections = []
    for kind in SUBJECT_KINDS:
        rule = rule_set.rule(code, kind)
        if rule is None:
            continue
        sections.append(
            {
                "subject": VOCABULARIES["subject"][kind].get(lang),
                "conditions": requirements(rule, plain, lang),
                "note": rule.note.get(lang),
                "parameters": [
                    {
                        "label": pv.parameter.label.get(lang),
                        "value": show.parameter_value(pv.parameter, pv.value, lang),
                        "citation": pv.parameter.citation,
                        "unverified": pv.parameter.unverified,
                        "overridden": pv.overridden,
                    }
                    for pv in parameters_of(rule, values)
                ],
            }
        )
    return render(
        request,
        "commendations/rule_explain.html",
        {
            "code": code,
            "label": award.label.get(lang),
            "category": VOCABULARIES["category"][award.category].get(lang),
            "sections": sections,
            **_picker(rule_set_name, overrides, lang),
        },
    )


def _saved_message(request: HttpRequest, name: str, rule_set: str, scope: str) -> None:
    """Confirm a save: which parameter, its new value, and where it applies."""
    lang = show.current_lang()
    rs = rules.REGISTRY.get(rule_set)
    pv = next(
        v for v in rules.list_parameters(rule_set, rule_overrides()) if v.parameter.name == name
    )
    where = rs.title.get(lang) if scope == SCOPE_ONE else _("mọi bộ quy tắc có tham số này")
    messages.success(
        request,
        _("Đã lưu «%(label)s»: giá trị mới %(value)s, áp dụng cho %(where)s.")
        % {
            "label": pv.parameter.label.get(lang),
            "value": show.parameter_value(pv.parameter, pv.value, lang),
            "where": where,
        },
    )


def _parameter_post(request: HttpRequest, rule_set: str) -> ParameterForm | HttpResponse:
    """Save or clear a value; return the form with its errors, or the redirect after."""
    ensure_can_change_parameters(request.user)  # 403 before the input is read
    back = f"{request.path}?rule_set={rule_set}"
    if request.POST.get("clear"):
        try:
            rule_parameter_clear(
                actor=request.user,
                key=request.POST["clear"],
                expected_version=request.POST.get("version", ""),
            )
        except ParameterChangedError as exc:
            messages.error(request, exc.message)
            return redirect(back)
        messages.success(request, _("Đã trả tham số về giá trị mặc định."))
        return redirect(back)
    form = ParameterForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            rule_parameter_set(
                actor=request.user,
                name=data["name"],
                value=data["value"],
                basis=data["basis"],
                rule_set=rule_set if data["scope"] == SCOPE_ONE else "",
                expected_version=form.expected_version(),
            )
        except ParameterChangedError as exc:
            form.add_error(None, exc.message)
        except ApplicationError as exc:
            apply_service_error(form, exc, aliases={"rule_set": "scope"})
        else:
            _saved_message(request, data["name"], rule_set, data["scope"])
            anchor = "p-" + data["name"].replace(".", "-")
            return redirect(f"{back}&saved={data['name']}#{anchor}")
    return form


@web_view
def rule_parameters(request: HttpRequest) -> HttpResponse:
    """List the parameters of a rule set; emulation officers change them with a legal basis."""
    overrides = rule_overrides()
    lang = show.current_lang()
    rule_set = _rule_set(request, overrides)
    form: ParameterForm | None = None
    if request.method == "POST":
        outcome = _parameter_post(request, rule_set)
        if isinstance(outcome, HttpResponse):
            return outcome
        form = outcome
        overrides = rule_overrides()
    records = rule_parameter_records(actor=request.user)
    versions = {key: version_of(record) for key, record in records.items()}
    rows = [
        show.parameter_row(pv, rule_set, records, lang, versions)
        for pv in rules.list_parameters(rule_set, overrides)
    ]
    editing = request.POST.get("name") if form is not None else request.GET.get("edit")
    return render(
        request,
        "commendations/rule_parameters.html",
        {
            "rows": rows,
            "can_edit": is_board_writer(request.user),
            "form": form or ParameterForm(),
            "editing": editing,
            "saved": request.GET.get("saved"),
            **_picker(rule_set, overrides, lang),
        },
    )


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
                "prize": show.money(prize, lang),
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
        "rule_set": show.rule_set_choice(rules.REGISTRY.get(rule_set), rule_overrides(), lang),
        "as_of": show.day(date.fromisoformat(output["as_of"])),
        "year": output["year"],
        "base_salary": show.money(output["base_salary_vnd"], lang),
        "sections": sections,
        "caps": [
            {**cap, "label": CODE_LABELS[lang][cap["code"]]} for cap in output.get("caps", [])
        ],
    }


@web_view
def rule_evaluate(request: HtmxHttpRequest) -> HttpResponse:
    """Check a person or collective against the rules, with the same engine as the API.

    The form builds the contract's case document; the pasted JSON is used as is. Both go
    through the engine with the officer-set parameters, so the page, the API and
    ``tdkt rules evaluate`` agree. An htmx submit swaps only the results; when the input has
    errors the whole form is swapped instead, so the messages appear next to the inputs.
    """
    lang = show.current_lang()
    overrides = rule_overrides()
    rule_sets = [(c.name, c.title) for c in show.rule_set_choices(overrides, lang) if c.active]
    form = EvaluateForm(lang=lang, rule_sets=rule_sets)
    json_form = JsonCaseForm()
    output = None
    if request.method == "POST":
        if request.POST.get("mode") == "json":
            json_form = JsonCaseForm(request.POST)
            if json_form.is_valid():
                try:
                    output = evaluate_document(json_form.cleaned_data["case_json"], lang=lang)
                except CaseError as exc:
                    json_form.add_engine_problems(exc.problems, lang)
        else:
            form = EvaluateForm(request.POST, lang=lang, rule_sets=rule_sets)
            if form.is_valid():
                case, paths = form.to_case()
                try:
                    output = evaluate_json(json.loads(json.dumps(case)), lang=lang)
                except CaseError as exc:
                    form.add_engine_problems(exc.problems, paths)
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
