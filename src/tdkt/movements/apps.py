from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "tdkt.movements"
    label = "movements"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        # The moves' guards and effects are registered by the modules that own them; the
        # commendation workflow gets its registration check and criteria their data providers
        # here, because commendations may not import movements (decision 0056).
        from tdkt.movements import integration
        from tdkt.movements.services import launch, registrations  # noqa: F401

        integration.install()
