"""Fixtures of the indicator tests: clients signed in as the registry's users, sample data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tdkt.indicators.services import indicators_import, procedures_import
from tests.builders import Registry

from .helpers import dossier_file, dossier_row, indicator_file


@pytest.fixture
def client_for(registry: Registry) -> Callable[[str], Client]:
    """``client_for("officer")`` is a client signed in as that registry user."""

    def make(name: str) -> Client:
        client = Client()
        client.force_login(getattr(registry, name))
        return client

    return make


@pytest.fixture
def figures(registry: Registry) -> Registry:
    """Revenue of the Board for 2018–2019 and workers of two units for 2019."""
    rows = [
        ["doanh_thu", "Doanh thu", "USD", None, 2018, None, "7.245.000.000"],
        ["doanh_thu", None, None, None, 2019, "7.700.000.000", "7.702.000.000"],
        ["lao_dong", "Lao động", "người", "Phòng Quản lý Đầu tư", 2019, 40, 38],
        ["lao_dong", None, None, "Phòng Quy hoạch và Xây dựng", 2019, 30, 33],
        ["nop_ngan_sach", "Nộp ngân sách", "VND", None, 2019, None, "5.603.510.000.000"],
    ]
    result = indicators_import(
        actor=registry.officer,
        data=indicator_file(rows, [[2019, "USD", "23.155"]]),
        filename="chi-tieu.xlsx",
    )
    assert result.ok, result.errors
    return registry


@pytest.fixture
def dossiers(registry: Registry) -> Registry:
    """Three dossiers of 2019: one on time, one late, one pending and overdue."""
    rows = [
        dossier_row(**{"Mã hồ sơ": "HS-1"}),
        dossier_row(
            **{"Mã hồ sơ": "HS-2", "Lĩnh vực": "Xây dựng", "Ngày trả kết quả": "30/11/2019"}
        ),
        dossier_row(
            **{
                "Mã hồ sơ": "HS-3",
                "Hình thức nộp": "Trực tiếp",
                "Ngày tiếp nhận": "01/10/2019",
                "Ngày trả kết quả": None,
            }
        ),
    ]
    result = procedures_import(
        actor=registry.officer, data=dossier_file(rows), filename="ho-so.xlsx"
    )
    assert result.ok, result.errors
    return registry
