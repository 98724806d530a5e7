from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "tdkt.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu, thủ tục hành chính"
