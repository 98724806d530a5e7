"""Demo data for tdkt: the Hanoi Board, its zones, enterprises, people, blocks and logins.

The facts come from the article "Ban Quản lý các KCN và CX Hà Nội: Tạo bứt phá, hiệu quả
trong công tác thi đua, khen thưởng" (26/03/2020); everything else is synthetic but plausible.
``docs/demo-data.md`` says which is which. The data modules are plain, deterministic Python;
``services.demo_data_load`` writes them through the real registry and account services.
"""

from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD"]
