"""The Red River Delta block of IZ management boards and an illustrative Hanoi cluster.

From the article: the Board belongs to the block "Ban Quản lý các KCN, KCX, KKT tỉnh đồng
bằng Sông Hồng" and to a Hanoi cluster (it signed its 2020 pledge with both), and at the
2019 review the block elected Bắc Ninh's board leader and the Hanoi Board deputy for 2020.
The member list and the cluster are illustrative (docs/demo-data.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tdkt.organizations.constants import GroupKind


@dataclass(frozen=True)
class ExternalBodySpec:
    """A body outside the Board (a root of the organisation tree)."""

    key: str
    name: str
    short_name: str


EXTERNAL_BODIES: tuple[ExternalBodySpec, ...] = (
    ExternalBodySpec("bac_ninh", "Ban Quản lý các KCN Bắc Ninh", "BQL các KCN Bắc Ninh"),
    ExternalBodySpec("hai_phong", "Ban Quản lý Khu kinh tế Hải Phòng", "BQL KKT Hải Phòng"),
    ExternalBodySpec("hai_duong", "Ban Quản lý các KCN Hải Dương", "BQL các KCN Hải Dương"),
    ExternalBodySpec("hung_yen", "Ban Quản lý các KCN Hưng Yên", "BQL các KCN Hưng Yên"),
    ExternalBodySpec("ha_nam", "Ban Quản lý các KCN Hà Nam", "BQL các KCN Hà Nam"),
    ExternalBodySpec("nam_dinh", "Ban Quản lý các KCN Nam Định", "BQL các KCN Nam Định"),
    ExternalBodySpec("ninh_binh", "Ban Quản lý các KCN Ninh Bình", "BQL các KCN Ninh Bình"),
    ExternalBodySpec("thai_binh", "Ban Quản lý các KCN Thái Bình", "BQL các KCN Thái Bình"),
    ExternalBodySpec("vinh_phuc", "Ban Quản lý các KCN Vĩnh Phúc", "BQL các KCN Vĩnh Phúc"),
    ExternalBodySpec("quang_ninh", "Ban Quản lý Khu kinh tế Quảng Ninh", "BQL KKT Quảng Ninh"),
    # Illustrative partners of the Hanoi cluster.
    ExternalBodySpec(
        "hn_pmu_civil",
        "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp Thành phố Hà Nội",
        "BQLDA dân dụng và công nghiệp",
    ),
    ExternalBodySpec(
        "hn_pmu_transport",
        "Ban Quản lý dự án đầu tư xây dựng công trình giao thông Thành phố Hà Nội",
        "BQLDA giao thông",
    ),
    ExternalBodySpec(
        "hn_pmu_water",
        "Ban Quản lý dự án đầu tư xây dựng công trình cấp nước, thoát nước và môi trường"
        " Thành phố Hà Nội",
        "BQLDA cấp thoát nước và môi trường",
    ),
)


@dataclass(frozen=True)
class GroupSpec:
    """A block or cluster with its members per year and its elected leadership per year."""

    name: str
    kind: str
    organizer: str
    description: str
    members: dict[int, tuple[str, ...]] = field(default_factory=dict)
    leadership: dict[int, tuple[str, str | None]] = field(default_factory=dict)

    def members_through(self, year: int) -> dict[int, tuple[str, ...]]:
        """Return the members per year, the last listed year's carried on to ``year``.

        A block's pages open on the current year; a demo whose blocks had members only in
        2019–2020 showed every block empty there (issue #8).
        """
        if not self.members:
            return {}
        last = max(self.members)
        carried = dict.fromkeys(range(last + 1, year + 1), self.members[last])
        return {**self.members, **carried}


_DELTA_MEMBERS: tuple[str, ...] = ("board", *(f"ext:{b.key}" for b in EXTERNAL_BODIES[:10]))

RED_RIVER_DELTA_BLOCK = GroupSpec(
    name="Khối thi đua các Ban Quản lý các KCN, KCX, KKT các tỉnh đồng bằng sông Hồng",
    kind=GroupKind.BLOCK,
    organizer="Bộ Kế hoạch và Đầu tư",
    # The member list is illustrative (docs/demo-data.md); the description reads as the
    # block would describe itself.
    description=(
        "Khối thi đua do Bộ Kế hoạch và Đầu tư tổ chức. Đầu năm các thành viên ký giao ước "
        "thi đua; tại hội nghị tổng kết cuối năm, Khối bình xét, suy tôn đơn vị dẫn đầu và bầu "
        "Khối trưởng, Khối phó cho năm sau. Năm 2020: Ban Quản lý các KCN Bắc Ninh làm Khối "
        "trưởng, Ban Quản lý các KCN và CX Hà Nội làm Khối phó."
    ),
    members={2019: _DELTA_MEMBERS, 2020: _DELTA_MEMBERS},
    leadership={2020: ("ext:bac_ninh", "board")},
)

HANOI_CLUSTER = GroupSpec(
    name="Cụm thi đua các ban quản lý thuộc UBND Thành phố Hà Nội (minh hoạ)",
    kind=GroupKind.CLUSTER,
    organizer="UBND Thành phố Hà Nội",
    # The article names no cluster nor its members: both are illustrative (docs/demo-data.md).
    description=(
        "Cụm thi đua các ban quản lý trực thuộc UBND Thành phố Hà Nội. Các thành viên ký giao "
        "ước thi đua hằng năm, chấm điểm theo bảng tiêu chí của Thành phố và suy tôn đơn vị "
        "dẫn đầu Cụm."
    ),
    members={
        2020: ("board", "ext:hn_pmu_civil", "ext:hn_pmu_transport", "ext:hn_pmu_water"),
    },
)

GROUPS: tuple[GroupSpec, ...] = (RED_RIVER_DELTA_BLOCK, HANOI_CLUSTER)
