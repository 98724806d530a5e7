import pytest
from django.test import Client
from tdkt.commendations.services import proposal_lines_add, LineInput
from tests.commendations.conftest import give_history, give_initiative
pytestmark = pytest.mark.django_db

def test_pages(registry, round_2019):
    give_history(registry, registry.anh)
    give_initiative(registry, registry.anh)
    c = Client(); c.force_login(registry.investment_head)
    for url in ["/rounds/", f"/rounds/{round_2019.uuid}/", f"/rounds/{round_2019.uuid}/eligibility/", "/proposals/", "/archive/", f"/archive/people/{registry.anh.uuid}/"]:
        r = c.get(url); assert r.status_code == 200, (url, r.content[:3000])
    r = c.post(f"/rounds/{round_2019.uuid}/eligibility/", {"unit": str(registry.investment.uuid), "pick": [f"{registry.anh.uuid}:advanced_worker"]})
    assert r.status_code == 302, r.content[:2000]
    r = c.get(r.url); assert r.status_code == 200; print(r.content.decode()[-6000:])
    o = Client(); o.force_login(registry.officer)
    for url in ["/rounds/", f"/rounds/{round_2019.uuid}/", f"/rounds/{round_2019.uuid}/eligibility/?unit={registry.investment.uuid}", "/proposals/", "/archive/?q=anh", "/archive/export/", f"/rounds/{round_2019.uuid}/letter/", "/rounds/new/", f"/rounds/{round_2019.uuid}/edit/"]:
        r = o.get(url); assert r.status_code == 200, (url, r.content[:3000])
