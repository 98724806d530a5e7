"""The reward fund's page: a year's figures, commitments, forecast; officers record entries."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.commendations.decision_access import can_manage_fund, ensure_can_manage_fund
from tdkt.commendations.forms.decisions import FundEntryForm, FundYearForm
from tdkt.commendations.selectors.decisions import signed_decision_get, signed_decisions
from tdkt.commendations.selectors.fund import fund_summary
from tdkt.commendations.services import fund_entry_add, fund_year_set
from tdkt.core.errors import ApplicationError
from tdkt.web.decorators import web_view
from tdkt.web.forms.errors import apply_service_error


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@web_view
def fund_view(request: HttpRequest) -> HttpResponse:
    """Show the fund of a year: balance, commitments, receivables and the forecast."""
    year = _year(request)
    summary = fund_summary(actor=request.user, year=year)
    return render(
        request,
        "commendations/decisions/fund.html",
        {"summary": summary, "year": year, "can_manage": can_manage_fund(request.user)},
    )


@web_view
def fund_year_view(request: HttpRequest) -> HttpResponse:
    """Set a year's opening balance (officers)."""
    ensure_can_manage_fund(request.user)
    year = _year(request)
    form = FundYearForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and form.is_valid():
        try:
            fund = fund_year_set(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu số dư đầu năm."))
            return redirect(f"{_fund_url()}?year={fund.year}")
    return render(request, "commendations/decisions/fund_form.html", {"form": form, "year": year})


def _fund_url() -> str:
    return reverse("commendations:fund")


@web_view
def fund_entry_view(request: HttpRequest) -> HttpResponse:
    """Record a receipt, a payment of a signed decision or a recovery (officers)."""
    ensure_can_manage_fund(request.user)
    year = _year(request)
    choices = [
        (str(d.uuid), f"{d.number_label} — {d.decided_on:%d/%m/%Y}")
        for d in signed_decisions(actor=request.user)
    ]
    form = FundEntryForm(
        request.POST or None, decisions=choices, initial={"on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = (
                signed_decision_get(actor=request.user, uuid=data["decision"])
                if data["decision"]
                else None
            )
            entry = fund_entry_add(
                actor=request.user,
                kind=data["kind"],
                amount_vnd=data["amount_vnd"],
                on=data["on"],
                description=data["description"],
                decision=decision,
            )
        except ApplicationError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, _("Đã ghi khoản thu, chi."))
            return redirect(f"{_fund_url()}?year={entry.on.year}")
    return render(
        request, "commendations/decisions/fund_entry_form.html", {"form": form, "year": year}
    )
