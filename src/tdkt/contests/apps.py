from django.apps import AppConfig


class ContestsConfig(AppConfig):
    name = "tdkt.contests"
    label = "contests"
    verbose_name = "Cuộc thi viết về gương điển hình tiên tiến"
