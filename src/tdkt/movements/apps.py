from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "tdkt.movements"
    label = "movements"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        # The moves' guards and effects are registered by the modules that own them, and the
        # commendation workflow learns to check registrations when it offers the hook.
        from tdkt.movements import integration
        from tdkt.movements.services import launch, registrations  # noqa: F401

        integration.install_registration_check()
        integration.install_data_providers()
