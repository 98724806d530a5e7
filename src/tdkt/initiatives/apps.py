from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "tdkt.initiatives"
    label = "initiatives"
    verbose_name = "Sáng kiến và Hội đồng xét sáng kiến"
