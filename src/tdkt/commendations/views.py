"""Pages about the legal rules: titles and forms explained, and the officer-set parameters."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.accounts.scopes import scope_for
from tdkt.commendations.selectors import rule_overrides
from tdkt.commendations.services import rule_parameter_clear, rule_parameter_set
from tdkt.core.errors import ApplicationError, PermissionDeniedError
from tdkt.rules.codes import AWARD_CODES as CODES
from tdkt.rules.labels import CODE_LABELS
from tdkt.web.decorators import web_view
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
