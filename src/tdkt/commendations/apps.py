from django.apps import AppConfig


class CommendationsConfig(AppConfig):
    name = "tdkt.commendations"
    label = "commendations"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        # The workflow's guards of later stages are registered by the modules that own them;
        # importing them here makes every move checkable from any entry point.
        from tdkt.commendations.services import publication, signing  # noqa: F401
