"""``seed_demo`` loads the article's 2018–2019 figures and the dossiers behind its statistics."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.audit.constants import AuditEventType
from tdkt.audit.models import AuditEvent
from tdkt.audit.services import verify
from tdkt.demo.reports2019 import INVESTMENT
from tdkt.indicators.models import IndicatorValue, ProcedureDossier

ARTICLE = {
    # code: (actual 2019, growth on 2018 or None)
    "doanh_thu": (7_702_000_000, 6.3),
    "xuat_khau": (4_800_000_000, 12.6),
    "nhap_khau": (4_200_000_000, 4.2),
    "nop_ngan_sach": (242_000_000, 15.7),
    "lao_dong": (162_115, None),
}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Run ``seed_demo`` once for the module; everything is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _report(capsys, *args):
    capsys.readouterr()
    call_command("report", *args)
    return json.loads(capsys.readouterr().out)


@pytest.mark.django_db
def test_the_articles_2019_figures_and_growth_are_reported(seeded, capsys):
    """Revenue at 100 % of plan and +6.3 %, exports +12.6 %, imports +4.2 %, budget +15.7 %,
    162,115 workers, with the year's USD rate."""
    document = _report(capsys, "indicators", "--year", "2019")

    board = {line["code"]: line for line in document["indicators"] if not line["organization"]}
    assert {code: (board[code]["actual"], board[code]["growth_percent"]) for code in ARTICLE} == (
        ARTICLE
    )
    assert board["doanh_thu"]["percent_of_plan"] == 100.0
    assert document["exchange_rates"] == {"USD": 23155}


@pytest.mark.django_db
def test_enterprise_capital_in_vnd_is_converted_to_usd(seeded, capsys):
    """Each DDI enterprise's capital (VND) appears in USD at 23,155 đồng per dollar."""
    document = _report(capsys, "indicators", "--year", "2019")

    lines = [line for line in document["indicators"] if line["code"] == "von_dang_ky"]
    stored = IndicatorValue.objects.filter(indicator__code="von_dang_ky", currency="VND")
    assert len(lines) >= 25 and stored.count() >= 5
    value = stored.select_related("organization").first()
    line = next(x for x in lines if x["organization"] == value.organization.name)
    assert line["unit"] == "USD"
    assert abs(line["actual"] - float(value.actual) / 23155) < 0.01


@pytest.mark.django_db
def test_the_dossier_figures_are_the_articles(seeded, capsys):
    """To 30/11/2019: 2,922 received, 2,122 online, 2,892 resolved, 30 pending, 0 overdue,
    100 % on time."""
    document = _report(
        capsys, "procedures", "--from", "2019-01-01", "--to", "2019-11-30", "--as-of", "2019-11-30"
    )

    figures = {k: v for k, v in document.items() if k != "by_field"}
    assert figures == {
        "received": 2922,
        "online": 2122,
        "online_share": 0.7262,
        "resolved": 2892,
        "resolved_share": 0.9897,
        "resolved_on_time": 2892,
        "resolved_late": 0,
        "on_time_rate": 1.0,
        "pending": 30,
        "pending_overdue": 0,
    }
    assert sum(group["received"] for group in document["by_field"]) == 2922
    assert len(document["by_field"]) >= 5


@pytest.mark.django_db
def test_a_second_seed_imports_nothing_and_records_nothing(seeded):
    """Running seed_demo again finds every figure and dossier and leaves the trail as it was."""
    events = AuditEvent.objects.count()
    counts = (IndicatorValue.objects.count(), ProcedureDossier.objects.count())
    out = StringIO()

    call_command("seed_demo", stdout=out)

    assert "nothing to do" in out.getvalue()
    assert AuditEvent.objects.count() == events
    assert (IndicatorValue.objects.count(), ProcedureDossier.objects.count()) == counts
    assert verify().ok


@pytest.mark.django_db
def test_the_figures_and_the_dossiers_are_two_imports_by_the_system(seeded):
    """The demo's figures and dossiers are one import each, written by the system like every
    demo row (docs/demo-data.md): 42 figures, one rate and 2,922 dossiers. A third import adds
    the annual report's investment figures and completes three plans (demo/reports2019.py)."""
    imports = AuditEvent.objects.filter(event_type=AuditEventType.IMPORT_COMPLETED)

    assert imports.count() == 3
    assert set(imports.values_list("actor_id", "actor_label").distinct()) == {(None, "system")}
    assert IndicatorValue.objects.count() == 42 + len(INVESTMENT)
    assert ProcedureDossier.objects.count() == 2922
