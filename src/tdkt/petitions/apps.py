from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "tdkt.petitions"
    label = "petitions"
    verbose_name = "Đơn thư khiếu nại, tố cáo"

    def ready(self) -> None:
        # A proposal line whose recipient is the subject of a petition being verified is
        # flagged in the commendation workflow (NĐ 152/2025 Art 4); the check is installed
        # here so that the commendations app does not depend on this one.
        from tdkt.petitions.integration import install

        install()
