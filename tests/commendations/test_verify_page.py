"""The public certificate verification page: valid, revoked, not found; nothing more."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from tdkt.commendations.services import award_revoke, decision_draft_create, decision_sign

from .voted import voted_round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def award(registry):
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    decision = decision_sign(
        actor=registry.leader, decision=draft, signer_title="head", signed_on=date(2020, 1, 10)
    )
    return decision.awards.get(person=registry.anh)


def verify(token: str, client: Client | None = None):
    return (client or Client()).get(reverse("commendations:verify", kwargs={"token": token}))


def main(response) -> str:
    page = response.content.decode()
    return page[page.index("<main>") : page.index("</main>")]


def test_anyone_confirms_a_valid_certificate_without_signing_in(award):
    """Name, title and decision number and date; no unit, no achievement, no identifiers."""
    response = verify(award.verification_token)
    assert response.status_code == 200
    page = main(response)
    assert "Giấy khen hợp lệ." in page
    assert "Nguyễn Văn Ánh" in page and "Giấy khen" in page
    assert "01/QĐ-BQL" in page and "10/01/2020" in page
    assert "Phòng Quản lý Đầu tư" not in page and "Chuyên viên" not in page
    assert "001085012345" not in page and "450.000" not in page
    assert response["Cache-Control"] == "no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_a_revoked_certificate_says_so(registry, award):
    """After revocation the same URL answers that the award was revoked, with the date."""
    award_revoke(
        actor=registry.officer,
        award=award,
        reason="Kê khai sai",
        revoking_decision="5/QĐ-BQL",
        revoked_on=date(2020, 3, 2),
    )
    page = main(verify(award.verification_token))
    assert "Khen thưởng này đã bị thu hồi." in page and "02/03/2020" in page
    assert "Kê khai sai" not in page  # the reason is not published


@pytest.mark.parametrize(
    "token",
    [
        "A" * 43,  # well formed, unknown
        "short",
        "x" * 200,
        "%3Cscript%3E",
        "ab.cd",
    ],
)
def test_unknown_and_malformed_tokens_answer_alike(award, token):
    """Every token that is not a certificate's gets the same 404 page."""
    reference = verify("B" * 43)
    response = verify(token)
    assert response.status_code == reference.status_code == 404
    assert main(response) == main(reference)
    assert "Không tìm thấy giấy khen với mã này." in main(response)


def test_a_draft_line_cannot_be_verified(registry):
    """A token is given only at signing: drafts have none and nothing matches."""
    voted = voted_round(registry)
    draft = decision_draft_create(actor=registry.officer, round=voted.round)
    assert not draft.awards.exclude(verification_token=None).exists()


@override_settings(TDKT_VERIFY_RATE=(3, 600))
def test_lookups_are_rate_limited_per_client(award):
    """The fourth look-up within the window gets 429, even for a valid token."""
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert verify("C" * 43, client).status_code == 404
    limited = verify(award.verification_token, client)
    assert limited.status_code == 429 and "quá nhiều lần" in main(limited)
    other = Client(REMOTE_ADDR="203.0.113.8")
    assert verify(award.verification_token, other).status_code == 200


@override_settings(TDKT_VERIFY_RATE=(3, 600), TDKT_TRUSTED_PROXIES=1)
def test_two_clients_behind_one_proxy_are_limited_separately(award):
    """Behind nginx every request comes from the proxy: the abuser is limited, the citizen
    after it is not, and a forged X-Forwarded-For does not reset the abuser's count."""
    proxy = "10.0.0.5"
    abuser = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.66")
    for _ in range(3):
        assert verify("D" * 43, abuser).status_code == 404
    assert verify(award.verification_token, abuser).status_code == 429
    forged = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.66")
    assert verify(award.verification_token, forged).status_code == 429
    citizen = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.67")
    assert verify(award.verification_token, citizen).status_code == 200
