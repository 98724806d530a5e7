from django.apps import AppConfig


class CommendationsConfig(AppConfig):
    name = "tdkt.commendations"
    label = "commendations"
    verbose_name = "Khen thưởng"
