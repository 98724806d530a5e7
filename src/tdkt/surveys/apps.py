from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "tdkt.surveys"
    label = "surveys"
    verbose_name = "Khảo sát mức độ hài lòng của doanh nghiệp"
