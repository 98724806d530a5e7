from __future__ import annotations

from datetime import date

import pytest

from tdkt.petitions.constants import Channel, PetitionKind
from tdkt.petitions.services import PetitionData, petition_register


def data(**overrides) -> PetitionData:
    values = {
        "kind": PetitionKind.COMPLAINT,
        "channel": Channel.DIRECT,
        "received_on": date(2026, 11, 2),
        "sender_name": "Nguyễn Thị Hồng Nhung",
        "summary": "Khiếu nại việc không được đề nghị danh hiệu Lao động tiên tiến.",
        "complaint_round": "first",
    }
    values.update(overrides)
    return PetitionData(**values)


@pytest.fixture
def complaint(registry):
    return petition_register(actor=registry.officer, data=data())


@pytest.fixture
def denunciation(registry):
    return petition_register(
        actor=registry.officer,
        data=data(
            kind=PetitionKind.DENUNCIATION,
            complaint_round="",
            sender_name="Trần Văn Bình",
            summary="Tố cáo kê khai sai thành tích trong hồ sơ đề nghị khen thưởng.",
        ),
    )
